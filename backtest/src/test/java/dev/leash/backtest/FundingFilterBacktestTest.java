package dev.leash.backtest;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Params;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A backtest feeds its funding model's rate to the strategy's funding filter. */
@Timeout(120)
class FundingFilterBacktestTest {

    private static Bars bars;
    private static Backtester backtester;

    @BeforeAll
    static void once() {
        bars = Fixtures.syntheticBars(7, 3_000);
        backtester = Backtester.create(Fixtures.instruments(), 100_000.0, Backtester.DEFAULT_WARMUP_BARS);
    }

    @Test
    void aFundingFilterTheModelRateNeverReachesTradesExactlyAsWithoutIt() {
        Params p = Fixtures.defaultParams();

        BacktestResult unfiltered = backtester.run(p.withStrategy(StrategySpec.defaultFor(p)), bars);
        BacktestResult filtered = backtester.run(p.withStrategy(withFundingFilter(p, 1.0)), bars);

        assertThat(unfiltered.fills()).isNotEmpty();
        assertThat(filtered.fills()).isEqualTo(unfiltered.fills());
    }

    @Test
    void aFundingFilterThatRefusesPayingAnyFundingKeepsSomeEntriesAndRefusesOthers() {
        Params p = Fixtures.defaultParams();

        BacktestResult unfiltered = backtester.run(p.withStrategy(StrategySpec.defaultFor(p)), bars);
        BacktestResult strict = backtester.run(p.withStrategy(withFundingFilter(p, 0.0)), bars);

        assertThat(strict.fills()).isNotEmpty().isNotEqualTo(unfiltered.fills());
    }

    private static StrategySpec withFundingFilter(Params p, double maxPct) {
        StrategySpec d = StrategySpec.defaultFor(p);
        return new StrategySpec(d.entry(),
                List.of(BlockSpec.of(StrategyBlock.FUNDING, Map.of(StrategyField.FUNDING_MAX_PCT, maxPct))),
                d.exits());
    }
}
