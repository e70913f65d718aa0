package dev.leash.backtest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BacktestMetricsTest {

    private static final long[] TIMES = {300_000, 600_000, 900_000, 1_200_000};

    @Test
    void measuresDrawdownFromTheRunningPeakIncludingTheStart() {
        EquityCurve curve = EquityCurve.of(100, TIMES, new double[] {110, 88, 121, 115});

        BacktestMetrics m = BacktestMetrics.compute(curve, new double[0], 0, 0, 0, 0);

        assertThat(curve.drawdownPct()).containsExactly(new double[] {0, 20, 0, (121 - 115) / 121.0 * 100},
                within(1e-12));
        assertThat(m.maxDrawdownPct()).isCloseTo(20, within(1e-12));
        assertThat(m.totalReturnPct()).isCloseTo(15, within(1e-12));
        assertThat(m.finalEquity()).isEqualTo(115);
        assertThat(m.barsProcessed()).isEqualTo(4);
    }

    @Test
    void aCurveThatNeverRecoversItsStartHasDrawdownFromTheStart() {
        EquityCurve curve = EquityCurve.of(100, TIMES, new double[] {95, 90, 97, 99});

        assertThat(BacktestMetrics.compute(curve, new double[0], 0, 0, 0, 0).maxDrawdownPct())
                .isCloseTo(10, within(1e-12));
    }

    @Test
    void winRateAndProfitFactorComeFromClosedTrades() {
        EquityCurve curve = EquityCurve.of(100, TIMES, new double[] {110, 105, 125, 120});

        BacktestMetrics m = BacktestMetrics.compute(curve, new double[] {10, -5, 20, -5}, 1.5, 0.25, 21.5, 0);

        assertThat(m.trades()).isEqualTo(4);
        assertThat(m.winRatePct()).isEqualTo(50);
        assertThat(m.profitFactor()).isCloseTo(3, within(1e-12));
        assertThat(m.feesPaid()).isEqualTo(1.5);
        assertThat(m.fundingPaid()).isEqualTo(0.25);
    }

    @Test
    void profitFactorWithoutLossesIsInfiniteAndWithoutTradesZero() {
        EquityCurve curve = EquityCurve.of(100, TIMES, new double[] {101, 102, 103, 104});

        assertThat(BacktestMetrics.compute(curve, new double[] {4}, 0, 0, 4, 0).profitFactor()).isInfinite();
        BacktestMetrics none = BacktestMetrics.compute(curve, new double[0], 0, 0, 0, 0);
        assertThat(none.profitFactor()).isZero();
        assertThat(none.winRatePct()).isZero();
    }

    @Test
    void sharpeIsMeanOverSampleDeviationOfBarReturnsAnnualized() {
        double[] equity = {110, 88, 121, 115};
        double[] r = {110 / 100.0 - 1, 88 / 110.0 - 1, 121 / 88.0 - 1, 115 / 121.0 - 1};
        double mean = (r[0] + r[1] + r[2] + r[3]) / 4;
        double var = 0;
        for (double x : r) {
            var += (x - mean) * (x - mean) / 3;
        }

        double sharpe = BacktestMetrics.compute(EquityCurve.of(100, TIMES, equity), new double[0], 0, 0, 0, 0)
                .sharpe();

        assertThat(sharpe).isCloseTo(mean / Math.sqrt(var) * Math.sqrt(288 * 365), within(1e-9));
        assertThat(BacktestMetrics.compute(EquityCurve.of(100, TIMES, new double[] {100, 100, 100, 100}),
                new double[0], 0, 0, 0, 0).sharpe()).isZero();
    }

    @Test
    void aReversalClosesOneTradeAndOpensTheNextSplittingItsFee() {
        TradeLedger ledger = new TradeLedger(1);

        ledger.onFill(0, +1, 1, 0.1, 0);     // long 1 at 100
        ledger.onFill(0, -1, 2, 0.2, 10);    // sell 2 at 110: closes +10, opens short 1
        ledger.onFill(0, +1, 1, 0.1, 5);     // buy 1 at 105: closes the short, +5

        assertThat(ledger.pnls()).containsExactly(new double[] {10 - 0.1 - 0.1, 5 - 0.1 - 0.1}, within(1e-12));
    }

    @Test
    void aTradeStillOpenAtTheEndIsNotCounted() {
        TradeLedger ledger = new TradeLedger(2);

        ledger.onFill(0, +1, 1, 0.1, 0);
        ledger.onFill(1, -1, 3, 0.1, 0);
        ledger.onFill(1, +1, 1, 0.1, 2);     // partly covered: still open

        assertThat(ledger.count()).isZero();
    }
}
