package dev.leash.gateway.api;

import dev.leash.engine.TradingStatusView;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.gateway.loop.FeedHealth;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.gateway.loop.OrderPathHealth;
import dev.leash.gateway.shadow.Scorecard;
import dev.leash.venue.http.VenueHealth;

import java.time.Instant;

/** What the REST reads see of the running loops: the engine's snapshot and status, and each loop's health. */
public interface LoopReads {

    /** The inner loop's last published snapshot, or null before its first step. */
    EngineSnapshot snapshot();

    /** Why trading is restricted now, as the engine last published it. */
    TradingStatusView tradingStatus();

    /** The order path's health as the inner loop last published it. */
    OrderPathHealth orderPathHealth();

    /** The market feed's health as the inner loop last published it. */
    FeedHealth feedHealth();

    /** The side vetoes on symbols in force now. */
    default java.util.List<dev.leash.gateway.loop.SymbolVeto> symbolBiases() {
        return java.util.List.of();
    }

    /** Trading time of the inner loop's last step (the pacer's time before the first step). */
    long tradingTime();

    /** The last breaker or ban report of an HTTP venue, or null when there was none (or the venue is local). */
    VenueHealth venueHealth();

    /** The middle loop's last pass: when, its parameter problems, its last error. */
    MiddleLoop.Health middleHealth();

    /** Whether the middle loop's watchdog considers the loop stalled now. */
    boolean middleStalled();

    /** How many middle-loop passes failed so far. */
    long middleFailedPasses();

    /** When the scheduled parameter reset runs, seen from the wall time {@code now}. */
    MiddleLoop.ScheduledResetInfo scheduledReset(Instant now);

    /**
     * The scorecard worked out from the journal over the {@code windowMillis} before the shadows' last step, or null
     * when the shadows are off or have seen no step yet.
     */
    default dev.leash.gateway.scorecard.AttributionReport attribution(String windowName, long windowMillis) {
        return null;
    }

    /** The shadow books' scorecard as of their last step, or null when they are off or have seen no step yet. */
    default Scorecard scorecard() {
        return null;
    }
}
