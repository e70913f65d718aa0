package dev.leash.gateway.metrics;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.Reason;
import dev.leash.engine.ReasonCode;
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
    void aSkipKnownOnlyAsTextIsStillLabelledFromItsWords() {
        Decision old = new Decision(0, "BTCUSDT", Action.SKIP, "ENTER_LONG: trading_mode paused", null, 1);

        assertThat(DecisionReason.of(old)).isEqualTo(DecisionReason.TRADING_MODE);
    }

    private static DecisionReason label(ReasonCode code) {
        return DecisionReason.of(new Decision(0, "BTCUSDT", Action.SKIP,
                new Reason(code, Map.of("qty", 1.0), Action.ENTER_LONG, null, "x"), null, 1));
    }
}
