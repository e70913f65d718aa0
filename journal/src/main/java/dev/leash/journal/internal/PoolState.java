package dev.leash.journal.internal;

import dev.leash.journal.JournalUnavailableException;

import java.util.function.LongSupplier;

/** Whether the server database is reachable: after a connection failure, calls fail at once for the backoff. */
final class PoolState {

    private final long backoffNanos;
    private final LongSupplier nanoTime;
    private volatile boolean down;
    private volatile long retryAt;

    PoolState(long backoffNanos, LongSupplier nanoTime) {
        this.backoffNanos = backoffNanos;
        this.nanoTime = nanoTime;
    }

    /** Throws without trying while the database is down and the backoff has not passed. */
    void failFast(String what) {
        if (down && nanoTime.getAsLong() - retryAt < 0) {
            throw new JournalUnavailableException(what + " not attempted: journal database unavailable, next"
                    + " attempt in " + Math.max(1, (retryAt - nanoTime.getAsLong()) / 1_000_000) + "ms");
        }
    }

    void down() {
        retryAt = nanoTime.getAsLong() + backoffNanos;
        down = true;
    }

    void up() {
        down = false;
    }
}
