package dev.leash.gateway.loop;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The middle loop's "alive" log line: at most one per 5-minute window of the wall clock (the first pass always says
 * it), with equity, open positions and trading state; no secrets.
 */
public final class AliveLine {

    /** How often the line appears on the wall clock. */
    public static final Duration EVERY = Duration.ofMinutes(5);

    private long lastWindow = Long.MIN_VALUE;

    /** The line to log at {@code wallMillis}, or empty when one was already logged in this 5-minute window. */
    public Optional<String> due(long wallMillis, double equity, int openPositions, String tradingState,
                                long paramsVersion) {
        long window = Math.floorDiv(wallMillis, EVERY.toMillis());
        if (window == lastWindow) {
            return Optional.empty();
        }
        lastWindow = window;
        return Optional.of(String.format(Locale.ROOT, "alive: equity %s, open positions %d, trading %s, params"
                        + " version %d", Double.isFinite(equity) ? String.format(Locale.ROOT, "%.2f", equity)
                        : "unknown", openPositions, tradingState, paramsVersion));
    }
}
