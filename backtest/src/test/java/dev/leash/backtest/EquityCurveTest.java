package dev.leash.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EquityCurveTest {

    private static final long FIVE_MINUTES = 300_000;

    @Test
    void aCurveOverTheBarsHasTheBarsCloseTimesAndEqualsTheCopiedCurve() {
        long[] open = {0, FIVE_MINUTES, 2 * FIVE_MINUTES, 4 * FIVE_MINUTES};
        double[] px = {1, 2, 3, 4};
        Bars bars = Bars.ofArrays("BTCUSDT", open, px, px, px, px, px);
        double[] equity = {101, 99};

        EquityCurve view = EquityCurve.wrap(100, bars, 2, equity);
        EquityCurve copied = EquityCurve.of(100, new long[] {3 * FIVE_MINUTES, 5 * FIVE_MINUTES}, equity);

        assertThat(view.time(0)).isEqualTo(3 * FIVE_MINUTES);
        assertThat(view.time(1)).isEqualTo(5 * FIVE_MINUTES);
        assertThat(view).isEqualTo(copied).hasSameHashCodeAs(copied);
        assertThatThrownBy(() -> view.time(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void theLargestDrawdownIsTheLargestPointOfTheDrawdownCurve() {
        EquityCurve curve = EquityCurve.of(100, new long[] {1, 2, 3, 4, 5}, new double[] {110, 88, 121, 90, 130});

        double largest = 0;
        for (double d : curve.drawdownPct()) {
            largest = Math.max(largest, d);
        }

        assertThat(curve.maxDrawdownPct()).isEqualTo(largest).isEqualTo((121 - 90) / 121.0 * 100);
    }
}
