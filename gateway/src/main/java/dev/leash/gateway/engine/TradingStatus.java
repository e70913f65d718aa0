package dev.leash.gateway.engine;

import dev.leash.risk.TradingState;

import java.util.function.DoubleSupplier;

/**
 * The engine's trading state and what moves it (a daily loss halt until the next UTC day, reduce-only while the
 * venue is degraded or the middle loop stalled), reporting each move to the listener.
 */
final class TradingStatus {

    private static final long DAY_MILLIS = 86_400_000L;

    private final EngineListener listener;
    private final DoubleSupplier equity;

    private TradingState state = TradingState.ACTIVE;
    private boolean venueDegraded;
    private boolean middleLoopStalled;
    private boolean lossHalted;
    /** Bar index of the last flatten attempt: while halted, positions left open are retried once per bar. */
    private long lastFlattenBar = Long.MIN_VALUE;
    private long day = Long.MIN_VALUE;
    private double startOfDayEquity = Double.NaN;

    TradingStatus(EngineListener listener, DoubleSupplier equity) {
        this.listener = listener;
        this.equity = equity;
    }

    TradingState state() {
        return state;
    }

    boolean lossHalted() {
        return lossHalted;
    }

    double startOfDayEquity() {
        return startOfDayEquity;
    }

    /** Day roll-over: on the first time of a new UTC day, start-of-day equity is read again and a loss halt ends. */
    void onClock(long nowMillis) {
        long today = Math.floorDiv(nowMillis, DAY_MILLIS);
        if (today != day) {
            day = today;
            startOfDayEquity = equity.getAsDouble();
            if (lossHalted) {
                lossHalted = false;
                update("new trading day", nowMillis);
            }
        }
    }

    /** True once per bar while loss-halted: positions still open are to be flattened again. */
    boolean flattenRetryDue(long bar) {
        if (lossHalted && bar != lastFlattenBar) {
            lastFlattenBar = bar;
            return true;
        }
        return false;
    }

    /** The daily loss limit was reached and the positions flattened in {@code bar}: halted for the rest of the day. */
    void haltForLoss(long bar, String reason, long nowMillis) {
        lastFlattenBar = bar;
        lossHalted = true;
        update(reason, nowMillis);
    }

    void setVenueDegraded(boolean degraded, String reason, long nowMillis) {
        if (degraded != venueDegraded) {
            venueDegraded = degraded;
            update(reason, nowMillis);
        }
    }

    /** No middle-loop pass completed for too long: reduce-only until one does. */
    void setMiddleLoopStalled(boolean stalled, String reason, long nowMillis) {
        if (stalled != middleLoopStalled) {
            middleLoopStalled = stalled;
            update(reason, nowMillis);
        }
    }

    private void update(String reason, long nowMillis) {
        TradingState next = lossHalted ? TradingState.HALTED
                : venueDegraded || middleLoopStalled ? TradingState.REDUCE_ONLY : TradingState.ACTIVE;
        if (next != state) {
            TradingState was = state;
            state = next;
            listener.onStateChange(new StateChange(nowMillis, was, next, reason));
        }
    }
}
