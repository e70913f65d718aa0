package dev.leash.backtest;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Params;
import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Backtests run the params' strategy; the explicit default strategy is today's strategy, fill for fill. */
@Timeout(120)
class StrategyBacktestTest {

    private static Bars bars;
    private static Backtester backtester;

    @BeforeAll
    static void once() {
        bars = Fixtures.syntheticBars(7, 3_000);
        backtester = Backtester.create(Fixtures.instruments(), 100_000.0, Backtester.DEFAULT_WARMUP_BARS);
    }

    @Test
    void theExplicitDefaultStrategyGivesTheSameFillsAsNoStrategy() {
        Params none = Fixtures.defaultParams();
        Params withTakeProfit = new Params(1, 2.0, 1.5, 3.0, 20, 2.0, 3.0, none.tradingMode(), none.symbols(), "test",
                "fixture", none.updatedAt());

        for (Params p : List.of(none, withTakeProfit)) {
            BacktestResult implicit = backtester.run(p, bars);
            BacktestResult explicit = backtester.run(p.withStrategy(StrategySpec.defaultFor(p)), bars);

            assertThat(implicit.fills()).isNotEmpty();
            assertThat(explicit.fills()).isEqualTo(implicit.fills());
        }
    }

    @Test
    void aSweptAxisKeepsTheStrategyThatTrades() {
        StrategySpec bollinger = new StrategySpec(BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 2.0)), List.of(),
                List.of(BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.0))));
        Params p = Fixtures.defaultParams().withStrategy(bollinger);

        for (dev.leash.risk.ParamField f : List.of(dev.leash.risk.ParamField.MAX_POSITION_PCT,
                dev.leash.risk.ParamField.BREAKOUT_LOOKBACK, dev.leash.risk.ParamField.SIZE_MULTIPLIER)) {
            SweepAxis axis = SweepAxis.parse(f.wireName() + "=1:2:1").axis();
            assertThat(axis.apply(p, 1).strategy()).as(f.wireName()).isEqualTo(bollinger);
        }
    }

    @Test
    void aMeanReversionStrategyWithARegimeFilterTradesDifferentlyAndDeterministically() {
        Params p = Fixtures.defaultParams().withStrategy(new StrategySpec(
                BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                        Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 2.0)),
                List.of(new BlockSpec(StrategyBlock.REGIME, Map.of(), Set.of(Regime.RANGE, Regime.TREND))),
                List.of(BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.0)),
                        BlockSpec.of(StrategyBlock.TIME_STOP, Map.of(StrategyField.TIME_STOP_BARS, 24.0)))));

        BacktestResult first = backtester.run(p, bars);
        BacktestResult again = backtester.run(p, bars);

        assertThat(first.fills()).isNotEmpty().isNotEqualTo(backtester.run(Fixtures.defaultParams(), bars).fills());
        assertThat(again.fills()).isEqualTo(first.fills());
    }
}
