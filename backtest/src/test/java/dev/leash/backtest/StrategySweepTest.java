package dev.leash.backtest;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Params;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A sweep of a field on params with an explicit strategy moves the strategy's block, or says it cannot. */
class StrategySweepTest {

    private static final BlockSpec STOP = BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 5.0));
    private static final StrategySpec BOLLINGER = new StrategySpec(BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
            Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 2.0)), List.of(), List.of(STOP));
    private static final StrategySpec DONCHIAN = new StrategySpec(BlockSpec.of(StrategyBlock.DONCHIAN_BREAKOUT,
            Map.of(StrategyField.DONCHIAN_LOOKBACK, 20.0)), List.of(), List.of(
            BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.0)),
            BlockSpec.of(StrategyBlock.TAKE_PROFIT, Map.of(StrategyField.TAKE_PROFIT_PCT, 8.0))));

    private static SweepAxis axis(String spec) {
        return SweepAxis.parse(spec).axis();
    }

    @Test
    void sweepingTheStopOnAnExplicitStrategyMovesItsStopLossExit() {
        Params p = Fixtures.defaultParams().withStrategy(BOLLINGER);

        Params swept = axis("stop_loss_pct=1:2:1").apply(p, 1.0);

        assertThat(swept.stopLossPct()).isEqualTo(1.0);
        assertThat(swept.strategy().exit(StrategyBlock.STOP_LOSS).number(StrategyField.STOP_PCT)).isEqualTo(1.0);
        assertThat(swept.strategy().entry()).isEqualTo(BOLLINGER.entry());
    }

    @Test
    void sweepingTheLookbackAndTakeProfitOfADonchianStrategyMovesItsBlocks() {
        Params p = Fixtures.defaultParams().withStrategy(DONCHIAN);

        Params lookback = axis("breakout_lookback=30:40:10").apply(p, 30.0);
        Params takeProfit = axis("take_profit_pct=3:4:1").apply(p, 3.0);

        assertThat(lookback.strategy().entry().number(StrategyField.DONCHIAN_LOOKBACK)).isEqualTo(30.0);
        assertThat(takeProfit.strategy().exit(StrategyBlock.TAKE_PROFIT).number(StrategyField.TAKE_PROFIT_PCT))
                .isEqualTo(3.0);
        assertThat(ParamSweep.of(List.of(axis("breakout_lookback=30:40:10"), axis("take_profit_pct=3:4:1")))
                .sweep().ineffectiveOn(p)).isNull();
    }

    @Test
    void anAxisTheStrategyDoesNotReadIsRefusedBeforeAnyRunWithTheReason() {
        Params p = Fixtures.defaultParams().withStrategy(BOLLINGER);

        String lookback = ParamSweep.of(List.of(axis("breakout_lookback=30:40:10"))).sweep().ineffectiveOn(p);
        String takeProfit = ParamSweep.of(List.of(axis("take_profit_pct=3:4:1"))).sweep().ineffectiveOn(p);

        assertThat(lookback).contains("breakout_lookback", "bollinger_reversion", "changes nothing");
        assertThat(takeProfit).contains("take_profit_pct", "take_profit exit");
        assertThat(ParamSweep.of(List.of(axis("breakout_lookback=30:40:10"))).sweep()
                .ineffectiveOn(Fixtures.defaultParams())).as("no strategy: the field is today's strategy").isNull();
    }

    @Test
    void aSweepOfTheStopOnAnExplicitStrategyBacktestsDifferentStops() {
        Bars bars = Fixtures.syntheticBars(7, 1_500);
        Backtester backtester = Backtester.create(Fixtures.instruments(), 100_000.0, Backtester.DEFAULT_WARMUP_BARS);
        Params p = Fixtures.defaultParams().withStrategy(DONCHIAN);
        SweepAxis stops = axis("stop_loss_pct=2:5:3");

        BacktestResult tight = backtester.run(stops.apply(p, 2.0), bars);
        BacktestResult loose = backtester.run(stops.apply(p, 5.0), bars);

        assertThat(tight.fills()).isNotEmpty().isNotEqualTo(loose.fills());
    }
}
