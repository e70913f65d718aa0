package dev.leash.gateway.metrics;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.risk.OrderReject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Decisions and rejections are counted once each, when they reach the journal, under a bounded reason. */
class DecisionCounterTest {

    /** A journal that fails while {@code down}. */
    private static final class FlakyJournal implements EngineListener {
        boolean down;

        @Override
        public void onDecision(Decision decision) {
            if (down) {
                throw new IllegalStateException("disk full");
            }
        }

        @Override
        public void onRiskRejection(RiskRejection rejection) {
            if (down) {
                throw new IllegalStateException("disk full");
            }
        }

        @Override
        public void onStateChange(StateChange change) {
        }
    }

    private static Decision skip(String reason) {
        return new Decision(0, "BTCUSDT", Action.SKIP, reason, null, 1);
    }

    @Test
    void countsAWriteThatFailedOnlyWhenItsRetryLands() {
        FlakyJournal journal = new FlakyJournal();
        DecisionCounter c = new DecisionCounter(journal);
        Decision d = new Decision(0, "BTCUSDT", Action.STOP_LOSS, "price 9 hit the stop 2.0% from entry 10", null, 1);
        RiskRejection r = new RiskRejection(0, "BTCUSDT", 1, 10, OrderReject.PRICE_BAND, 1);
        journal.down = true;
        assertThatThrownBy(() -> c.onDecision(d)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.onRiskRejection(r)).isInstanceOf(IllegalStateException.class);
        assertThat(c.decisions(Action.STOP_LOSS, DecisionReason.STOP_LOSS)).isZero();
        assertThat(c.rejections(OrderReject.PRICE_BAND)).isZero();
        journal.down = false;
        c.onDecision(d);
        c.onRiskRejection(r);
        assertThat(c.decisions(Action.STOP_LOSS, DecisionReason.STOP_LOSS)).isEqualTo(1);
        assertThat(c.rejections(OrderReject.PRICE_BAND)).isEqualTo(1);
    }

    @Test
    void readsEverySkipWordingOfTheEngineAsABoundedReason() {
        assertThat(DecisionReason.of(skip("ENTER_LONG: risk check: POSITION_LIMIT"))).isEqualTo(DecisionReason.RISK_CHECK);
        assertThat(DecisionReason.of(skip("ENTER_SHORT: size 1.0E-4 below the minimum (qty 0.001, notional 5.0) at"
                + " equity 100"))).isEqualTo(DecisionReason.MIN_SIZE);
        assertThat(DecisionReason.of(skip("ENTER_LONG: trading state HALTED"))).isEqualTo(DecisionReason.TRADING_STATE);
        assertThat(DecisionReason.of(skip("REVERSE_LONG: trading_mode paused"))).isEqualTo(DecisionReason.TRADING_MODE);
        assertThat(DecisionReason.of(skip("ENTER_LONG: SOLUSDT is not enabled")))
                .isEqualTo(DecisionReason.SYMBOL_DISABLED);
        assertThat(DecisionReason.of(skip("ENTER_LONG: SOLUSDT is held reduce-only (stale_feed)")))
                .isEqualTo(DecisionReason.SYMBOL_HELD);
        assertThat(DecisionReason.of(skip("ENTER_LONG: something new"))).isEqualTo(DecisionReason.OTHER);
        assertThat(DecisionReason.of(new Decision(0, "X", Action.REVERSE_SHORT, "break of the 20-bar channel", null,
                1))).isEqualTo(DecisionReason.BREAKOUT);
    }
}
