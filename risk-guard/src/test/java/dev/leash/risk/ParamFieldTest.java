package dev.leash.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParamFieldTest {

    @Test
    void theHardCeilingsAreTheTableRows() {
        assertThat(Ceilings.MAX_POSITION_PCT).isEqualTo(new Range(0.1, 5.0));
        assertThat(Ceilings.STOP_LOSS_PCT).isEqualTo(new Range(0.2, 10.0));
        assertThat(Ceilings.TAKE_PROFIT_PCT).isEqualTo(new Range(0.2, 50.0));
        assertThat(Ceilings.BREAKOUT_LOOKBACK).isEqualTo(new Range(5, 200));
        assertThat(Ceilings.MAX_LEVERAGE).isEqualTo(new Range(1.0, 3.0));
        assertThat(Ceilings.SIZE_MULTIPLIER).isEqualTo(new Range(0.0, 1.5));
        assertThat(Ceilings.DAILY_LOSS_LIMIT_PCT).isEqualTo(new Range(0.5, 5.0));
        assertThat(List.of(Ceilings.MAX_POSITION_PCT_STEP, Ceilings.STOP_LOSS_PCT_STEP, Ceilings.MAX_LEVERAGE_STEP,
                Ceilings.SIZE_MULTIPLIER_STEP, Ceilings.DAILY_LOSS_LIMIT_PCT_STEP,
                Ceilings.BREAKOUT_LOOKBACK_STEP_FRACTION)).containsExactly(0.5, 1.0, 1.0, 0.5, 1.0, 0.5);
    }

    @Test
    void theLimitsPublishTheRangedRowsInTheirOrder() {
        assertThat(Limits.hard(Fixtures.ALLOWLIST).ranges()).containsOnlyKeys("max_position_pct", "stop_loss_pct",
                "take_profit_pct", "breakout_lookback", "max_leverage", "size_multiplier", "daily_loss_limit_pct");
        assertThat(Limits.hard(Fixtures.ALLOWLIST).ranges().keySet()).containsExactly("max_position_pct",
                "stop_loss_pct", "take_profit_pct", "breakout_lookback", "max_leverage", "size_multiplier",
                "daily_loss_limit_pct");
        for (ParamField f : ParamField.rangedFields()) {
            assertThat(Limits.hard(Fixtures.ALLOWLIST).range(f)).as(f.wireName()).isEqualTo(f.ceilings());
        }
    }

    @Test
    void globalAndPerSymbolFieldsKeepTheDocumentOrder() {
        assertThat(ParamField.names(ParamField.Scope.GLOBAL)).containsExactly("max_position_pct", "stop_loss_pct",
                "take_profit_pct", "breakout_lookback", "max_leverage", "daily_loss_limit_pct", "trading_mode");
        assertThat(ParamField.names(ParamField.Scope.PER_SYMBOL)).containsExactly("enabled", "size_multiplier");
    }

    @Test
    void everyRowIsFoundByItsJsonNameAndNothingElseIs() {
        for (ParamField f : ParamField.values()) {
            assertThat(ParamField.byWireName(f.wireName())).isSameAs(f);
        }
        assertThat(ParamField.byWireName("symbols")).isNull();
        assertThat(ParamField.byWireName("MAX_POSITION_PCT")).isNull();
    }

    @Test
    void aPerSymbolFieldIsNamedUnderItsSymbolAndAGlobalOneCannotBe() {
        assertThat(ParamField.SIZE_MULTIPLIER.of("BTCUSDT")).isEqualTo("symbols.BTCUSDT.size_multiplier");
        assertThat(ParamField.ENABLED.of("ETHUSDT")).isEqualTo("symbols.ETHUSDT.enabled");
        assertThatIllegalStateException().isThrownBy(() -> ParamField.MAX_LEVERAGE.of("BTCUSDT"));
    }

    @Test
    void stepsReadAsTheMessagesPrintThem() {
        assertThat(ParamField.MAX_POSITION_PCT.step().text()).isEqualTo("+0.5");
        assertThat(ParamField.MAX_LEVERAGE.step().text()).isEqualTo("+1");
        assertThat(ParamField.BREAKOUT_LOOKBACK.step().text()).isEqualTo("+-50%");
        assertThat(ParamField.TAKE_PROFIT_PCT.step().none()).isTrue();
    }

    @Test
    void onlyTheBooleanAndTheModeHaveNoRange() {
        assertThat(ParamField.values()).filteredOn(f -> !f.ranged())
                .containsExactly(ParamField.ENABLED, ParamField.TRADING_MODE);
        assertThatIllegalStateException().isThrownBy(ParamField.TRADING_MODE::ceilings);
    }
}
