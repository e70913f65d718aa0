package dev.leash.gateway.api;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Locale;

/**
 * How many backtests this gateway ran in the last 24 hours of wall time, kept in memory (a restart starts at
 * zero): many tries on the same history overfit, and each answer says how many there were.
 */
final class BacktestCounter {

    static final long WINDOW_MILLIS = 86_400_000L;
    /** From this many backtests in 24 h each answer carries an overfitting warning. */
    static final int WARN_AT = 10;
    private static final int MAX_ENTRIES = 100_000;

    private final Clock wall;
    /** Wall times of the backtests counted, oldest first; one entry per candidate run. */
    private final ArrayDeque<Long> times = new ArrayDeque<>();

    BacktestCounter(Clock wall) {
        this.wall = wall;
    }

    /** Counts {@code runs} more backtests now and answers the count over the last 24 h, these included. */
    synchronized int record(int runs) {
        long now = wall.millis();
        while (!times.isEmpty() && times.peekFirst() <= now - WINDOW_MILLIS) {
            times.pollFirst();
        }
        for (int i = 0; i < runs; i++) {
            if (times.size() == MAX_ENTRIES) {
                times.pollFirst();
            }
            times.addLast(now);
        }
        return times.size();
    }

    /** One line on overfitting when {@code count} is high; null otherwise. */
    static String warning(int count) {
        if (count < WARN_AT) {
            return null;
        }
        return String.format(Locale.ROOT, "%d backtests in the last 24 h: the best of many tries on the same"
                + " history is partly luck; trust the out_of_sample test window, not the full one", count);
    }
}
