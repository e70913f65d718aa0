package dev.leash.gateway.metrics;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.Reason;
import dev.leash.engine.ReasonCode;
import dev.leash.risk.StrategyBlock;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A coded decision's metric label comes from its code, not from parsing its English. */
class DecisionReasonCodeLabelTest {

    @Test
    void aCodedSkipIsLabelledByItsCodeWhateverItsNumbers() {
        assertThat(label(ReasonCode.RISK_REJECTED)).isEqualTo(DecisionReason.RISK_CHECK);
        assertThat(label(ReasonCode.BELOW_MIN_SIZE)).isEqualTo(DecisionReason.MIN_SIZE);
        assertThat(label(ReasonCode.TRADING_STATE)).isEqualTo(DecisionReason.TRADING_STATE);
        assertThat(label(ReasonCode.TRADING_MODE)).isEqualTo(DecisionReason.TRADING_MODE);
        assertThat(label(ReasonCode.SYMBOL_DISABLED)).isEqualTo(DecisionReason.SYMBOL_DISABLED);
        assertThat(label(ReasonCode.SYMBOL_HELD)).isEqualTo(DecisionReason.SYMBOL_HELD);
        assertThat(label(ReasonCode.MODEL_VETO)).isEqualTo(DecisionReason.MODEL_VETO);
        assertThat(label(ReasonCode.FLAT)).isEqualTo(DecisionReason.OTHER);
    }

    @Test
    void aSkipByAStrategyFilterIsLabelledByTheFilterKindNeverByAValue() {
        assertThat(filtered("funding").label()).isEqualTo("filter_funding");
        assertThat(filtered("rsi_band").label()).isEqualTo("filter_rsi_band");
        assertThat(filtered("volume_ratio").label()).isEqualTo("filter_volume_ratio");
        assertThat(filtered("volatility").label()).isEqualTo("filter_volatility");
        assertThat(filtered("time_of_day").label()).isEqualTo("filter_time_of_day");
        assertThat(filtered("regime").label()).isEqualTo("filter_regime");
        assertThat(filtered("a filter from the future")).isEqualTo(DecisionReason.OTHER);
    }

    @Test
    void everyFilterBlockOfTheVocabularyHasItsOwnLabel() {
        for (StrategyBlock b : StrategyBlock.values()) {
            if (b.kind() == StrategyBlock.Kind.FILTER) {
                assertThat(filtered(b.wireName())).as(b.wireName()).isNotEqualTo(DecisionReason.OTHER);
            }
        }
    }

    @Test
    void strategyExitsAndEntriesAreLabelledByTheirBlock() {
        assertThat(DecisionReason.of(new Decision(0, "BTCUSDT", Action.EXIT,
                Reason.of(ReasonCode.TIME_STOP_HIT, Map.of("price", 1.0, "bars", 12.0)), null, 1)))
                .isEqualTo(DecisionReason.TIME_STOP);
        assertThat(DecisionReason.of(new Decision(0, "BTCUSDT", Action.STOP_LOSS,
                Reason.of(ReasonCode.TRAILING_STOP_HIT, Map.of("price", 1.0)), null, 1)))
                .isEqualTo(DecisionReason.TRAILING_STOP);
        assertThat(DecisionReason.of(new Decision(0, "BTCUSDT", Action.ENTER_LONG,
                new Reason(ReasonCode.ENTRY_SIGNAL, Map.of("price", 1.0), null, null, "macd_trend"), null, 1)))
                .isEqualTo(DecisionReason.ENTRY_SIGNAL);
    }

    private static DecisionReason filtered(String filter) {
        return DecisionReason.of(new Decision(0, "BTCUSDT", Action.SKIP,
                new Reason(ReasonCode.FILTERED, Map.of(), Action.ENTER_LONG, null, filter), null, 1));
    }

    @Test
    void aSkipKnownOnlyAsTextIsStillLabelledFromItsWords() {
        Decision old = new Decision(0, "BTCUSDT", Action.SKIP, "ENTER_LONG: trading_mode paused", null, 1);

        assertThat(DecisionReason.of(old)).isEqualTo(DecisionReason.TRADING_MODE);
    }

    private static DecisionReason label(ReasonCode code) {
        return DecisionReason.of(new Decision(0, "BTCUSDT", Action.SKIP,
                new Reason(code, Map.of("qty", 1.0), Action.ENTER_LONG, null, "x"), null, 1));
    }
}
