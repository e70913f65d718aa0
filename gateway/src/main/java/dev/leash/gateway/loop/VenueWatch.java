package dev.leash.gateway.loop;

import dev.leash.venue.http.VenueHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Holds trading REDUCE_ONLY while the venue is degraded (circuit breaker not closed, or the IP banned) and lifts it
 * once the venue has been healthy for {@code recovery} without interruption, journaling both moves. Health reports
 * arrive from the HTTP client's threads; {@link #poll} runs on a timer, so a ban that simply expires is noticed.
 * Wall-clock time. Thread-safe.
 */
public final class VenueWatch {

    private static final Logger LOG = LoggerFactory.getLogger(VenueWatch.class);

    /** Where the verdicts go: the engine, between two steps. */
    @FunctionalInterface
    public interface Sink {
        void setDegraded(boolean degraded, String reason);
    }

    private final Duration recovery;
    private final LongSupplier wallMillis;
    private final TradeRecorder recorder;
    private final Sink sink;

    private VenueHealth last;
    private boolean held;
    private String reason;
    /** Wall time from which the venue counts as healthy; {@code Long.MAX_VALUE} while it is not. */
    private long healthyFrom = Long.MAX_VALUE;

    public VenueWatch(Duration recovery, LongSupplier wallMillis, TradeRecorder recorder, Sink sink) {
        this.recovery = recovery;
        this.wallMillis = wallMillis;
        this.recorder = recorder;
        this.sink = sink;
    }

    /** A breaker transition or a ban from the venue's HTTP client. */
    public synchronized void onHealth(VenueHealth h) {
        long now = wallMillis.getAsLong();
        last = h;
        boolean degraded = h.degraded(now);
        healthyFrom = "CLOSED".equals(h.breakerState()) ? Math.max(now, h.bannedUntilMillis()) : Long.MAX_VALUE;
        String what = degraded ? describe(h, now) : "venue " + h.venue() + " healthy again"
                + (held ? "; REDUCE_ONLY lifts after " + recovery.toSeconds() + " s without a failure" : "");
        LOG.warn("{}", what);
        recorder.event(now, "venue", what);
        evaluate(now);
    }

    /** Looks again at the last report: lifts REDUCE_ONLY once the venue has been healthy long enough. */
    public synchronized void poll() {
        try {
            evaluate(wallMillis.getAsLong());
        } catch (RuntimeException e) {
            LOG.error("venue watch failed; trying again at the next poll", e);
        }
    }

    /** A REDUCE_ONLY the last run left because of the venue: held until the venue has been healthy long enough. */
    public synchronized void holdRestored(String why) {
        if (!held) {
            held = true;
            reason = why;
            if (last == null) {
                healthyFrom = wallMillis.getAsLong();
            }
        }
    }

    /** True while this watch holds trading REDUCE_ONLY. */
    public synchronized boolean held() {
        return held;
    }

    /** Why the watch holds trading REDUCE_ONLY; null when it does not. */
    public synchronized String reason() {
        return held ? reason : null;
    }

    private void evaluate(long now) {
        boolean degraded = last != null && last.degraded(now);
        if (degraded && !held) {
            held = true;
            reason = describe(last, now);
            sink.setDegraded(true, reason);
        } else if (!degraded && held && healthyFrom != Long.MAX_VALUE && now - healthyFrom >= recovery.toMillis()) {
            held = false;
            String lifted = "venue " + (last == null ? "" : last.venue() + " ") + "healthy for "
                    + Duration.ofMillis(now - healthyFrom).toSeconds() + " s (at least " + recovery.toSeconds()
                    + " s needed); REDUCE_ONLY lifted";
            LOG.warn("{}", lifted);
            recorder.event(now, "venue", lifted);
            sink.setDegraded(false, lifted);
        }
    }

    private static String describe(VenueHealth h, long now) {
        return "venue " + h.venue() + " degraded (breaker " + h.breakerState()
                + (h.bannedUntilMillis() > now ? ", IP ban until " + Instant.ofEpochMilli(h.bannedUntilMillis()) : "")
                + (h.lastFailure() == null ? "" : "; last failure: " + h.lastFailure()) + ")";
    }
}
