package dev.leash.gateway.loop;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Watches the middle loop from its own thread: when no pass has completed for {@link #MISSED_PASSES} intervals
 * (a pass hangs, or every pass fails) it reports the stall once; when a pass completes again it reports the
 * recovery once. Time is read from the injected wall clock, so tests drive it.
 */
public final class MiddleLoopWatchdog implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MiddleLoopWatchdog.class);

    /** Intervals without a completed pass before the loop counts as stalled. */
    public static final int MISSED_PASSES = 3;

    /** What to do when the loop stalls and when it resumes; called on the watchdog's thread. */
    public interface Actions {
        void stalled(String reason);

        void resumed(String reason);
    }

    private final LongSupplier lastCompletedMillis;
    private final LongSupplier wallMillis;
    private final long intervalMillis;
    private final long startedMillis;
    private final Actions actions;
    private volatile boolean stalled;

    /**
     * @param lastCompletedMillis wall time of the last completed pass, 0 before any
     * @param interval the middle loop's period
     */
    public MiddleLoopWatchdog(LongSupplier lastCompletedMillis, Duration interval, LongSupplier wallMillis,
                              Actions actions) {
        this.lastCompletedMillis = lastCompletedMillis;
        this.wallMillis = wallMillis;
        this.intervalMillis = interval.toMillis();
        this.startedMillis = wallMillis.getAsLong();
        this.actions = actions;
    }

    /** One check; never throws, so that a scheduled watchdog cannot end itself. */
    @Override
    public void run() {
        try {
            check();
        } catch (RuntimeException e) {
            // The actions log and post to the engine; a failure there must not stop the next check.
            LOG.error("middle loop watchdog check failed: {}", e.getClass().getSimpleName());
        }
    }

    private void check() {
        long now = wallMillis.getAsLong();
        long since = Math.max(lastCompletedMillis.getAsLong(), startedMillis);
        long quiet = now - since;
        boolean late = quiet > MISSED_PASSES * intervalMillis;
        if (late && !stalled) {
            stalled = true;
            actions.stalled("middle loop stalled: no pass completed for " + quiet / 1000 + " s (more than "
                    + MISSED_PASSES + " intervals of " + intervalMillis / 1000.0 + " s); reduce-only until one does");
        } else if (!late && stalled) {
            stalled = false;
            actions.resumed("middle loop passes resumed");
        }
    }

    /** True from a reported stall until the next completed pass is seen. */
    public boolean stalled() {
        return stalled;
    }
}
