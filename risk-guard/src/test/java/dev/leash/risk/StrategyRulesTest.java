package dev.leash.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A strategy is checked against the vocabulary and the limits in force, with one specific violation per problem. */
class StrategyRulesTest {

    private static final Limits HARD = Limits.hard(Fixtures.ALLOWLIST);
    private static final BlockSpec STOP = BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.5));
    private static final BlockSpec BOLLINGER = BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
            Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 2.0));

    private static BlockSpec rsi(double low, double high) {
        return BlockSpec.of(StrategyBlock.RSI_BAND, Map.of(StrategyField.RSI_LOW, low, StrategyField.RSI_HIGH, high));
    }

    @Test
    void acceptsTheReadmeExample() {
        StrategySpec s = new StrategySpec(BOLLINGER, List.of(rsi(30, 70)), List.of(STOP,
                BlockSpec.of(StrategyBlock.TRAILING_STOP, Map.of(StrategyField.TRAILING_PCT, 2.0))));

        assertThat(StrategyRules.validate(s, HARD)).isEmpty();
    }

    @Test
    void rejectsAStrategyWithoutAStopLoss() {
        StrategySpec s = new StrategySpec(BOLLINGER, List.of(), List.of(
                BlockSpec.of(StrategyBlock.TAKE_PROFIT, Map.of(StrategyField.TAKE_PROFIT_PCT, 3.0))));

        assertThat(StrategyRules.validate(s, HARD)).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("strategy.exits", "a strategy needs a stop_loss exit"));
    }

    @Test
    void rejectsAnOutOfRangeNumberNamingItsRange() {
        StrategySpec s = new StrategySpec(BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 9.0)), List.of(),
                List.of(STOP));

        assertThat(StrategyRules.validate(s, HARD)).extracting(Violation::field, Violation::rule, Violation::message)
                .containsExactly(tuple("strategy.entry.width", Rule.BOUNDS,
                        "9 is outside [1, 4] (standard deviations)"));
    }

    @Test
    void aStopLossIsHeldToTheOperatorsTightenedStopRange() {
        Limits tight = Limits.builder(Fixtures.ALLOWLIST).tighten("stop_loss_pct", 0.2, 1.0).build();
        StrategySpec s = new StrategySpec(BOLLINGER, List.of(), List.of(STOP));

        assertThat(StrategyRules.validate(s, tight)).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("strategy.exits[0].pct", "1.5 is outside [0.2, 1] (% of entry price)"));
    }

    @Test
    void rejectsMoreThanThreeFiltersAndARepeatedOne() {
        StrategySpec s = new StrategySpec(BOLLINGER, List.of(rsi(30, 70), rsi(20, 80),
                BlockSpec.of(StrategyBlock.VOLUME_RATIO, Map.of(StrategyField.VOLUME_MIN, 1.0)),
                new BlockSpec(StrategyBlock.REGIME, Map.of(), Set.of(Regime.RANGE))), List.of(STOP));

        assertThat(StrategyRules.validate(s, HARD)).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("strategy.filters", "4 filters; at most 3"),
                        tuple("strategy.filters[1]", "rsi_band appears twice"));
    }

    @Test
    void rejectsMissingNumbersNonIntegersUnorderedPairsAndAnEmptyRegimeList() {
        StrategySpec s = new StrategySpec(BlockSpec.of(StrategyBlock.MACD_TREND,
                Map.of(StrategyField.MACD_FAST, 30.0, StrategyField.MACD_SLOW, 20.5)),
                List.of(rsi(70, 30), new BlockSpec(StrategyBlock.REGIME, Map.of(), Set.of())), List.of(STOP));

        assertThat(StrategyRules.validate(s, HARD)).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("strategy.entry.slow", "must be an integer, got 20.5"),
                        tuple("strategy.entry.signal", "required"),
                        tuple("strategy.entry.fast", "must be below slow"),
                        tuple("strategy.filters[0].low", "must be below high"),
                        tuple("strategy.filters[1].in", "must list at least one of trend, range, high_volatility"));
    }

    @Test
    void rejectsAnExitWhereAnEntryBelongs() {
        StrategySpec s = new StrategySpec(STOP, List.of(), List.of(STOP));

        assertThat(StrategyRules.validate(s, HARD)).extracting(Violation::field, Violation::message)
                .containsExactly(tuple("strategy.entry",
                        "stop_loss is not a rule; one of [donchian_breakout, bollinger_reversion, macd_trend]"));
    }

    @Test
    void theDefaultStrategyOfValidParamsIsValid() {
        assertThat(StrategyRules.validate(StrategySpec.defaultFor(Fixtures.base()), HARD)).isEmpty();
    }

    @Test
    void everyBlockHasADescriptionAndEveryNumberARange() {
        for (StrategyField f : StrategyField.values()) {
            assertThat(f.description()).as(f.name()).isNotBlank();
            if (f.ranged()) {
                assertThat(f.ceilings().floor()).as(f.name()).isLessThan(f.ceilings().ceiling());
            }
        }
        for (StrategyBlock b : StrategyBlock.values()) {
            assertThat(b.description()).as(b.name()).isNotBlank();
        }
    }
}
