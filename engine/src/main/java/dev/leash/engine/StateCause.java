package dev.leash.engine;

import dev.leash.risk.TradingState;

import java.util.Objects;

/**
 * One reason trading is restricted: the cause's name, the state it imposes (REDUCE_ONLY or HALTED), who set it,
 * why, since when and until when ({@link #NO_END} while it lasts until lifted). Times are trading-time epoch ms.
 */
public record StateCause(String cause, TradingState state, String by, String reason, long since, long until) {

    /** The daily loss limit was reached: HALTED until the next UTC day or an operator's resume. */
    public static final String DAILY_LOSS = "daily_loss";
    /** The venue's circuit breaker opened or the IP was banned: REDUCE_ONLY until it has been healthy a while. */
    public static final String VENUE = "venue";
    /** The operator halted trading (flatten and stop): HALTED until the operator resumes, across restarts. */
    public static final String OPERATOR = "operator";
    /** No middle-loop pass completed for 3 intervals (the watchdog): REDUCE_ONLY until passes resume. */
    public static final String MIDDLE_LOOP = "middle_loop";
    /** {@link #until} of a cause that lasts until something lifts it. */
    public static final long NO_END = Long.MAX_VALUE;

    public StateCause {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(state, "state");
        by = by == null ? "" : by;
        reason = reason == null ? "" : reason;
        if (state == TradingState.ACTIVE) {
            throw new IllegalArgumentException("a cause restricts trading: REDUCE_ONLY or HALTED, not ACTIVE");
        }
    }
}
