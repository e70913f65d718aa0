package dev.leash.gateway.loop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Trading time that stands still until a test advances it; never moves backwards. Safe across threads. */
public final class ManualTradingClock {

    private static final long UNSET = Long.MIN_VALUE;
    private final AtomicLong now = new AtomicLong(UNSET);

    /** Sets the starting time once (the venue's start when the gateway opens it); later calls change nothing. */
    public long startAt(long tradingTime) {
        now.compareAndSet(UNSET, tradingTime);
        return now.get();
    }

    /** Trading time now; fails before {@link #startAt}. */
    public long now() {
        long t = now.get();
        if (t == UNSET) {
            throw new IllegalStateException("the manual trading clock has not started");
        }
        return t;
    }

    /** Moves trading time to {@code tradingTime}; refuses to go back. */
    public void advanceTo(long tradingTime) {
        long before = now();
        if (tradingTime < before) {
            throw new IllegalArgumentException("trading time " + tradingTime + " is before now (" + before + ")");
        }
        now.accumulateAndGet(tradingTime, Math::max);
    }

    /** Moves trading time forward by {@code d}; returns the new time. */
    public long advanceBy(Duration d) {
        long to = now() + d.toMillis();
        advanceTo(to);
        return to;
    }
}
