package dev.leash.backtest;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.venue.Fill;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Timeout(60)
class BacktesterTest {

    private static final double INITIAL = 100_000.0;
    private static Bars bars;
    private static Backtester backtester;
    private static BacktestResult base;

    @BeforeAll
    static void runOnce() {
        bars = Fixtures.syntheticBars(7, 5_000);
        backtester = Backtester.create(Fixtures.instruments(), INITIAL, Backtester.DEFAULT_WARMUP_BARS);
        base = backtester.run(Fixtures.defaultParams(), bars);
    }

    @Test
    void tradesTheSyntheticMarketWithDefaultParams() {
        assertThat(base.fills()).isNotEmpty();
        assertThat(base.metrics().trades()).isPositive();
        assertThat(base.fills()).extracting(Fill::symbol).contains("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(base.metrics().barsProcessed()).isEqualTo(5_000 - Backtester.DEFAULT_WARMUP_BARS);
        assertThat(base.equityCurve().size()).isEqualTo(5_000 - Backtester.DEFAULT_WARMUP_BARS);
        assertThat(base.metrics().feesPaid()).isPositive();
        assertThat(base.metrics().fundingPaid()).isNotZero();
    }

    @Test
    void finalEquityIsInitialPlusRealizedLessFeesAndFundingPlusUnrealized() {
        BacktestMetrics m = base.metrics();
        double realized = base.fills().stream().mapToDouble(Fill::realizedPnl).sum();
        double fees = base.fills().stream().mapToDouble(Fill::fee).sum();
        double expected = INITIAL + realized - fees - m.fundingPaid() + m.unrealizedPnl();
        assertThat(m.realizedPnl()).isCloseTo(realized, within(1e-6));
        assertThat(m.feesPaid()).isCloseTo(fees, within(1e-6));
        assertThat(m.finalEquity()).isCloseTo(expected, within(INITIAL * 1e-6));
        assertThat(m.finalEquity()).isEqualTo(base.equityCurve().last());
        assertThat(m.totalReturnPct()).isCloseTo((m.finalEquity() / INITIAL - 1) * 100, within(1e-12));
    }

    @Test
    void sameBarsAndParamsGiveIdenticalFills() {
        BacktestResult again = backtester.run(Fixtures.defaultParams(), bars);
        assertThat(again.fills()).isEqualTo(base.fills());
        assertThat(again.equityCurve()).isEqualTo(base.equityCurve());
        assertThat(again.metrics()).isEqualTo(base.metrics());
    }

    @Test
    void reportingDecisionsDoesNotChangeTheFills() {
        List<Decision> decisions = new ArrayList<>();
        BacktestResult observed = backtester.run(Fixtures.defaultParams(), bars, recording(decisions),
                BacktestProgress.NONE);
        assertThat(observed.fills()).isEqualTo(base.fills());
        assertThat(decisions).extracting(Decision::action).contains(Action.HOLD, Action.ENTER_LONG);
    }

    @Test
    void aDifferentLookbackTradesDifferently() {
        BacktestResult slower = backtester.run(Fixtures.params(50, TradingMode.ACTIVE), bars);
        assertThat(slower.fills()).isNotEmpty().isNotEqualTo(base.fills());
    }

    @Test
    void pausedTradingModeEntersNothing() {
        List<Decision> decisions = new ArrayList<>();
        BacktestResult paused = backtester.run(Fixtures.params(20, TradingMode.PAUSED), bars,
                recording(decisions), BacktestProgress.NONE);
        assertThat(paused.fills()).isEmpty();
        assertThat(paused.metrics().finalEquity()).isEqualTo(INITIAL);
        assertThat(decisions).filteredOn(d -> d.action() == Action.SKIP).isNotEmpty()
                .allSatisfy(d -> assertThat(d.reason()).contains("trading_mode paused"));
    }

    @Test
    void comparesCandidateWithCurrentOnTheSameBars() {
        BacktestComparison c = backtester.compare(Fixtures.defaultParams(),
                Fixtures.params(50, TradingMode.ACTIVE), bars);
        assertThat(c.current().fills()).isEqualTo(base.fills());
        assertThat(c.candidate().params().breakoutLookback()).isEqualTo(50);
        assertThat(c.returnDifferencePct()).isCloseTo(
                c.candidate().metrics().totalReturnPct() - base.metrics().totalReturnPct(), within(1e-12));
    }

    @Test
    void reportsProgressUpToTheLastBar() {
        List<long[]> calls = new ArrayList<>();
        backtester.run(Fixtures.defaultParams(), bars, EngineListener.NONE,
                (done, total) -> calls.add(new long[] {done, total}));
        assertThat(calls).isNotEmpty();
        assertThat(calls.get(calls.size() - 1)).containsExactly(5_000, 5_000);
    }

    @Test
    void refusesBarsOfASymbolWithoutInstrument() {
        Backtester btcOnly = Backtester.create(Fixtures.instruments().subList(0, 1), INITIAL, 10);
        assertThatThrownBy(() -> btcOnly.run(Fixtures.defaultParams(), bars))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no instrument for ETHUSDT");
    }

    private static EngineListener recording(List<Decision> decisions) {
        return new EngineListener() {
            @Override
            public void onDecision(Decision decision) {
                decisions.add(decision);
            }

            @Override
            public void onRiskRejection(RiskRejection rejection) {
            }

            @Override
            public void onStateChange(StateChange change) {
            }
        };
    }
}
