package dev.leash.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class IndicatorsTest {

    private final Indicators x = new Indicators();

    @Test
    void rsiOfARisingSeriesIs100() {
        for (int i = 0; i < 14; i++) {
            x.onBar(101 + i, 99 + i, 100 + i, 10);
        }
        assertThat(x.rsi).as("14 bars are 13 changes").isNaN();

        x.onBar(115, 113, 114, 10);

        assertThat(x.rsi).isEqualTo(100.0);
    }

    @Test
    void rsiOfAFlatSeriesIs50() {
        flat(30);

        assertThat(x.rsi).isEqualTo(50.0);
    }

    @Test
    void rsiOfAlternatingEqualMovesIsNear50() {
        for (int i = 0; i < 200; i++) {
            double close = i % 2 == 0 ? 100 : 101;
            x.onBar(close + 1, close - 1, close, 10);
        }

        assertThat(x.rsi).isCloseTo(50.0, within(2.0));
    }

    @Test
    void bollingerPctBIsHalfAtTheMean() {
        for (int i = 0; i < 18; i++) {
            double close = i % 2 == 0 ? 98 : 102;
            x.onBar(close + 1, close - 1, close, 10);
        }
        x.onBar(101, 99, 100, 10);
        assertThat(x.bollingerPctB).as("19 bars").isNaN();

        x.onBar(101, 99, 100, 10); // the 20-bar mean is 100

        assertThat(x.bollingerPctB).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void bollingerPctBIsHalfWhenThereIsNoSpread() {
        flat(20);

        assertThat(x.bollingerPctB).isEqualTo(0.5);
    }

    @Test
    void volumeRatioIsBarVolumeOverItsTwentyBarAverage() {
        for (int i = 0; i < 19; i++) {
            x.onBar(101, 99, 100, 10);
        }
        assertThat(x.volumeRatio).isNaN();

        x.onBar(101, 99, 100, 30); // average (19 x 10 + 30) / 20 = 11

        assertThat(x.volumeRatio).isCloseTo(30.0 / 11.0, within(1e-12));
    }

    @Test
    void atrOfConstantRangeBarsIsTheRange() {
        for (int i = 0; i < 13; i++) {
            x.onBar(101, 99, 100, 10);
        }
        assertThat(x.atrValue).isNaN();

        x.onBar(101, 99, 100, 10);
        assertThat(x.atrValue).isCloseTo(2.0, within(1e-12));

        flat(100);
        assertThat(x.atrValue).isCloseTo(2.0, within(1e-12));
    }

    @Test
    void realizedVolatilityOfConstantReturnsIsZero() {
        double close = 100;
        for (int i = 0; i < 20; i++) {
            x.onBar(close, close, close, 10);
            close *= 1.01;
        }
        assertThat(x.realizedVolatility).as("20 bars are 19 returns").isNaN();

        for (int i = 0; i < 100; i++) {
            x.onBar(close, close, close, 10);
            close *= 1.01;
        }

        assertThat(x.realizedVolatility).isCloseTo(0.0, within(1e-4));
    }

    @Test
    void everyIndicatorIsNanUntilEnoughBars() {
        x.onBar(101, 99, 100, 10);

        assertThat(new double[] {x.rsi, x.macdHistogram, x.bollingerPctB, x.volumeRatio, x.atrValue,
                x.realizedVolatility}).containsOnly(Double.NaN);
        for (int i = 1; i < 34; i++) {
            x.onBar(101 + i % 3, 99, 100 + i % 3, 10);
        }
        assertThat(x.macdHistogram).as("34 bars").isNaN();
        x.onBar(101, 99, 100, 10);
        assertThat(new double[] {x.rsi, x.macdHistogram, x.bollingerPctB, x.volumeRatio, x.atrValue,
                x.realizedVolatility}).doesNotContain(Double.NaN);
    }

    @Test
    @Timeout(30)
    void rollingWindowsDoNotDriftOverAMillionBars() {
        SplittableRandom random = new SplittableRandom(42);
        int n = Indicators.WINDOW;
        double[] closes = new double[n + 1];
        double[] volumes = new double[n];
        double close = 1_000_000;
        for (long bar = 0; bar < 1_000_000; bar++) {
            if (bar == 500_000) {
                close /= 100_000; // a small price after a long run of large ones: where drift would show
            }
            close *= Math.exp(0.003 * (random.nextDouble() - 0.5));
            double volume = random.nextDouble() * 1_000_000;
            x.onBar(close * 1.001, close * 0.999, close, volume);
            closes[(int) (bar % (n + 1))] = close;
            volumes[(int) (bar % n)] = volume;
        }
        long last = 999_999;

        double sum = 0;
        double volumeSum = 0;
        for (int i = 0; i < n; i++) {
            sum += closes[(int) ((last - i) % (n + 1))];
            volumeSum += volumes[i];
        }
        double mean = sum / n;
        double squares = 0;
        double returnSum = 0;
        double[] returns = new double[n];
        for (int i = 0; i < n; i++) {
            double c = closes[(int) ((last - i) % (n + 1))];
            squares += (c - mean) * (c - mean);
            returns[i] = Math.log(c / closes[(int) ((last - i - 1) % (n + 1))]);
            returnSum += returns[i];
        }
        double sd = Math.sqrt(squares / n);
        double returnMean = returnSum / n;
        double returnSquares = 0;
        for (double r : returns) {
            returnSquares += (r - returnMean) * (r - returnMean);
        }
        double naivePctB = (close - (mean - 2 * sd)) / (4 * sd);
        double naiveVolumeRatio = volumes[(int) (last % n)] / (volumeSum / n);
        double naiveVolatility = Math.sqrt(returnSquares / n * 288.0 * 365.0) * 100.0;

        assertThat(x.bars()).isEqualTo(1_000_000);
        assertThat(x.bollingerPctB).isCloseTo(naivePctB, within(1e-6));
        assertThat(x.volumeRatio).isCloseTo(naiveVolumeRatio, within(1e-9));
        assertThat(x.realizedVolatility).isCloseTo(naiveVolatility, within(1e-6 * naiveVolatility));
    }

    private void flat(int bars) {
        for (int i = 0; i < bars; i++) {
            x.onBar(101, 99, 100, 10);
        }
    }
}
