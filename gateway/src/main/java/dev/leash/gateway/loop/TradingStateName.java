package dev.leash.gateway.loop;

import dev.leash.risk.TradingMode;
import dev.leash.risk.TradingState;

/**
 * What the inner loop may do now, as one word: the engine's own state (HALTED by the loss limit, REDUCE_ONLY when
 * the venue is degraded) combined with the params' trading mode (PAUSED and REDUCE_ONLY open nothing new).
 */
public final class TradingStateName {

    /** Every name {@link #of} can return. */
    public static final java.util.List<String> ALL = java.util.List.of("STARTING", "ACTIVE", "PAUSED", "REDUCE_ONLY",
            "HALTED");

    private TradingStateName() {
    }

    /** The name for {@code snap} (null before the first step: STARTING) under trading mode {@code mode}. */
    public static String of(EngineSnapshot snap, TradingMode mode) {
        if (snap == null) {
            return "STARTING";
        }
        if (snap.state() != TradingState.ACTIVE) {
            return snap.state().name();
        }
        return switch (mode) {
            case ACTIVE -> "ACTIVE";
            case REDUCE_ONLY -> "REDUCE_ONLY";
            case PAUSED -> "PAUSED";
        };
    }
}
