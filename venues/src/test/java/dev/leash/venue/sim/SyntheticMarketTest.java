package dev.leash.venue.sim;

import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyntheticMarketTest {

    private static final long ORIGIN = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final List<SyntheticMarket.Spec> SPECS = SyntheticMarket.DEFAULT_SPECS;

    @Test
    void sameSeedGivesTheSameBarsInAnyOrderOfAsking() {
        SyntheticMarket a = new SyntheticMarket(7, SPECS, ORIGIN);
        SyntheticMarket b = new SyntheticMarket(7, SPECS, ORIGIN);
        Candle lateFirst = b.bar(2, 2_999);

        for (int sym = 0; sym < SPECS.size(); sym++) {
            assertThat(bars(a, sym, 3_000)).isEqualTo(bars(b, sym, 3_000));
        }
        assertThat(a.bar(2, 2_999)).isEqualTo(lateFirst);
    }

    @Test
    void differentSeedGivesDifferentBars() {
        SyntheticMarket a = new SyntheticMarket(7, SPECS, ORIGIN);
        SyntheticMarket b = new SyntheticMarket(8, SPECS, ORIGIN);

        for (int sym = 0; sym < SPECS.size(); sym++) {
            assertThat(bars(a, sym, 100)).isNotEqualTo(bars(b, sym, 100));
        }
    }

    @Test
    void barsAreConsistentPositiveAndOnTheTick() {
        SyntheticMarket m = new SyntheticMarket(3, SPECS, ORIGIN);
        for (int sym = 0; sym < SPECS.size(); sym++) {
            double tick = SPECS.get(sym).instrument().tickSize();
            Candle previous = null;
            for (Candle c : bars(m, sym, 5_000)) {
                assertThat(c.low()).isPositive();
                assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
                assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
                assertThat(c.volume()).isNotNegative();
                for (double p : new double[] {c.open(), c.high(), c.low(), c.close()}) {
                    assertThat(Math.abs(p / tick - Math.rint(p / tick))).as("%s on the tick %s", p, tick)
                            .isLessThan(1e-6);
                }
                if (previous != null) {
                    assertThat(c.open()).isEqualTo(previous.close());
                    assertThat(c.openTime()).isEqualTo(previous.closeTime());
                }
                previous = c;
            }
        }
    }

    @Test
    void servesDeterministicContinuousHistoryBeforeTheOriginWithoutChangingLaterBars() {
        SyntheticMarket m = new SyntheticMarket(3, SPECS, ORIGIN);
        SyntheticMarket untouched = new SyntheticMarket(3, SPECS, ORIGIN);
        List<Candle> forward = bars(untouched, 0, 50);
        int past = 30 * 288;
        for (int sym = 0; sym < SPECS.size(); sym++) {
            double tick = SPECS.get(sym).instrument().tickSize();
            Candle later = m.bar(sym, 0);
            for (long k = -1; k >= -past; k--) {
                Candle c = m.bar(sym, k);
                assertThat(c.openTime()).isEqualTo(m.openTimeOf(k));
                assertThat(c.closeTime()).isEqualTo(later.openTime());
                assertThat(c.close()).as("bar %d closes where bar %d opens", k, k + 1).isEqualTo(later.open());
                assertThat(c.low()).isPositive().isLessThanOrEqualTo(Math.min(c.open(), c.close()));
                assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
                assertThat(c.volume()).isNotNegative();
                assertThat(Math.abs(c.open() / tick - Math.rint(c.open() / tick))).isLessThan(1e-6);
                later = c;
            }
            double first = m.bar(sym, -past).open();
            double start = SPECS.get(sym).startPrice();
            assertThat(first).as("a month back stays a plausible price").isBetween(start / 3, start * 3);
        }
        SyntheticMarket again = new SyntheticMarket(3, SPECS, ORIGIN);
        assertThat(again.bar(1, -past)).isEqualTo(m.bar(1, -past));
        assertThat(bars(m, 0, 50)).isEqualTo(forward);
        assertThatThrownBy(() -> m.bar(0, -SyntheticMarket.MAX_PAST_BARS - 1L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void volatilityChangesWithRegimes() {
        SyntheticMarket m = new SyntheticMarket(5, SPECS, ORIGIN);
        List<Candle> bars = bars(m, 0, 20_000);
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int from = 1; from + 144 <= bars.size(); from += 144) {
            double sumSq = 0;
            for (int k = from; k < from + 144; k++) {
                double r = Math.log(bars.get(k).close() / bars.get(k - 1).close());
                sumSq += r * r;
            }
            double vol = Math.sqrt(sumSq / 144);
            lowest = Math.min(lowest, vol);
            highest = Math.max(highest, vol);
        }

        assertThat(highest / lowest).as("highest over lowest 12-hour volatility").isGreaterThan(2.0);
    }

    @Test
    void givesABreakoutStrategySomethingToTrade() {
        SyntheticMarket m = new SyntheticMarket(9, SPECS, ORIGIN);
        for (int sym = 0; sym < SPECS.size(); sym++) {
            List<Candle> bars = bars(m, sym, 5_000);
            int breaks = 0;
            for (int k = 20; k < bars.size(); k++) {
                double high = Double.NEGATIVE_INFINITY;
                double low = Double.POSITIVE_INFINITY;
                for (int j = k - 20; j < k; j++) {
                    high = Math.max(high, bars.get(j).high());
                    low = Math.min(low, bars.get(j).low());
                }
                if (bars.get(k).high() > high || bars.get(k).low() < low) {
                    breaks++;
                }
            }
            assertThat(breaks).as("20-bar channel breaks in 5,000 bars of symbol %d", sym).isGreaterThan(200);
        }
    }

    @Test
    void pricesFollowTheTickPathInsideTheBar() {
        SyntheticMarket m = new SyntheticMarket(1, SPECS, ORIGIN);
        Candle bar = m.bar(0, 10);

        assertThat(m.barIndexAt(bar.openTime() + 1)).isEqualTo(10);
        assertThat(m.priceAt(0, bar.openTime())).isEqualTo(bar.open());
        assertThat(m.priceAt(0, bar.openTime() + TickPath.STEP_MILLIS)).isEqualTo(TickPath.point(bar, 1));
        assertThat(m.priceAt(0, bar.closeTime() - 1)).isEqualTo(bar.close());
    }

    @Test
    void refusesAnOriginOffTheBarGrid() {
        assertThatThrownBy(() -> new SyntheticMarket(1, SPECS, ORIGIN + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("multiple of 5 minutes");
    }

    private static List<Candle> bars(SyntheticMarket m, int sym, int count) {
        List<Candle> out = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            out.add(m.bar(sym, k));
        }
        return out;
    }
}
