package dev.leash.backtest;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class SweeperTest {

    private static Bars bars;
    private static Backtester backtester;
    private static Limits limits;
    private static Params base;

    @BeforeAll
    static void setUp() {
        bars = Fixtures.syntheticBars(11, 2_000);
        limits = Limits.hard(new LinkedHashSet<>(bars.symbols()));
        backtester = Backtester.create(Fixtures.instruments(), limits, 100_000, Backtester.DEFAULT_WARMUP_BARS);
        base = Fixtures.params(20, TradingMode.ACTIVE);
    }

    @Test
    void everyCombinationOnSeveralThreadsMatchesItsOwnSingleRunBitForBit() throws Exception {
        ParamSweep sweep = ParamSweep.of(List.of(SweepAxis.parse("max_position_pct=1:3:1").axis(),
                SweepAxis.parse("breakout_lookback=12:36:12").axis())).sweep();

        SweepResult r = new Sweeper(backtester, limits, 3).run(sweep, base, bars, SweepMetric.RETURN_PCT,
                BacktestProgress.NONE);

        assertThat(r.rows()).hasSize(9);
        assertThat(r.invalid()).isEmpty();
        for (SweepResult.Row row : r.rows()) {
            BacktestResult alone = backtester.run(row.point().params(), bars);
            assertThat(row.metrics()).isEqualTo(alone.metrics());
            assertThat(row.fills()).isEqualTo(alone.fills().size());
            assertThat(row.point().params().maxPositionPct()).isEqualTo(row.point().values().get(0));
            assertThat(row.point().params().breakoutLookback()).isEqualTo(row.point().values().get(1).intValue());
        }
        assertThat(r.rows()).extracting(row -> row.point().values()).doesNotHaveDuplicates();
    }

    @Test
    void sortsBestFirstByTheStatedMetric() throws Exception {
        ParamSweep sweep = ParamSweep.of(List.of(SweepAxis.parse("stop_loss_pct=0.5:3:0.5").axis())).sweep();
        Sweeper sweeper = new Sweeper(backtester, limits, 2);

        SweepResult byReturn = sweeper.run(sweep, base, bars, SweepMetric.RETURN_PCT, BacktestProgress.NONE);
        SweepResult byDrawdown = sweeper.run(sweep, base, bars, SweepMetric.MAX_DRAWDOWN_PCT, BacktestProgress.NONE);

        List<Double> returns = new ArrayList<>();
        byReturn.rows().forEach(row -> returns.add(row.metrics().totalReturnPct()));
        List<Double> drawdowns = new ArrayList<>();
        byDrawdown.rows().forEach(row -> drawdowns.add(row.metrics().maxDrawdownPct()));
        assertThat(returns).hasSize(6).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(drawdowns).hasSize(6).isSorted();
    }

    @Test
    void reportsCombinationsOutsideTheLimitsWithoutRunningThem() throws Exception {
        ParamSweep sweep = ParamSweep.of(List.of(SweepAxis.parse("max_position_pct=4:6:1").axis())).sweep();
        List<long[]> progress = new ArrayList<>();

        SweepResult r = new Sweeper(backtester, limits, 2).run(sweep, base, bars, SweepMetric.RETURN_PCT,
                (done, total) -> progress.add(new long[] {done, total}));

        assertThat(r.rows()).extracting(row -> row.point().values().get(0)).containsExactlyInAnyOrder(4.0, 5.0);
        assertThat(r.invalid()).singleElement().satisfies(p -> {
            assertThat(p.values()).containsExactly(6.0);
            assertThat(p.violations()).extracting(v -> v.field()).contains("max_position_pct");
        });
        assertThat(progress).last().satisfies(last -> assertThat(last).containsExactly(4_000L, 4_000L));
    }
}
