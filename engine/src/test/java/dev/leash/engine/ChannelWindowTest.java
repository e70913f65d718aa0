package dev.leash.engine;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The O(1) channel (monotonic deques) equals a plain scan of the last lookback bars, whatever the lookback does. */
class ChannelWindowTest {

    @Test
    void dequeChannelEqualsANaiveScanAcrossLookbackChanges() {
        Random random = new Random(42);
        SymbolState s = new SymbolState("BTCUSDT", 0, 0.001, 0.001, 5.0);
        int n = 20_000;
        double[] highs = new double[n];
        double[] lows = new double[n];
        int lookback = 20;
        double price = 100;
        for (int i = 0; i < n; i++) {
            if (i % 97 == 0) {
                lookback = 5 + random.nextInt(196); // anywhere in [5, 200], up or down
                s.computeChannel(lookback);
                assertChannel(s, highs, lows, i, lookback);
            }
            price *= Math.exp(random.nextGaussian() * 0.003);
            double high = Math.rint(price * (1 + random.nextDouble() * 0.002) * 10) / 10; // ties happen
            double low = Math.rint(price * (1 - random.nextDouble() * 0.002) * 10) / 10;
            highs[i] = high;
            lows[i] = low;
            s.addBar(high, low, lookback);
            assertChannel(s, highs, lows, i + 1, lookback);
        }
    }

    private static void assertChannel(SymbolState s, double[] highs, double[] lows, int closed, int lookback) {
        if (closed < lookback) {
            assertThat(s.channelHigh).isNaN();
            assertThat(s.channelLow).isNaN();
            return;
        }
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = closed - lookback; i < closed; i++) {
            hi = Math.max(hi, highs[i]);
            lo = Math.min(lo, lows[i]);
        }
        assertThat(s.channelHigh).as("high after %d bars, lookback %d", closed, lookback).isEqualTo(hi);
        assertThat(s.channelLow).as("low after %d bars, lookback %d", closed, lookback).isEqualTo(lo);
    }
}
