package dev.leash.gateway.metrics;

import dev.leash.journal.FillStats;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.gateway.loop.FeedHealth;
import dev.leash.venue.http.VenueHealth;
import dev.leash.risk.Params;

import java.nio.file.Path;
import java.util.Map;

/** What a scrape reads of the running gateway; every method answers from published state and never blocks a loop. */
public interface MetricsSource {

    /** The parameter store's audit journal, whose proposals are counted. */
    Path auditFile();

    /** Account equity as the inner loop sizes from it, NaN before the first report. */
    double equity();

    /** The inner loop's last published snapshot, or null before its first step. */
    EngineSnapshot snapshot();

    /** The market feed's health as the inner loop last published it. */
    FeedHealth feedHealth();

    /** Fill statistics per params version, from the journal's reader. */
    Map<Long, FillStats> fillStatsByVersion();

    /** The parameters the engine trades on now. */
    Params params();

    /** The last breaker or ban report of an HTTP venue, or null when there was none. */
    VenueHealth venueHealth();

    /** Wall time now, in epoch milliseconds. */
    long wallMillis();

    /** Wall time the middle loop last completed a pass, 0 before the first. */
    long middleLastCompletedWallMillis();

    /** Whether the middle loop's watchdog considers the loop stalled now. */
    boolean middleStalled();

    /** How many middle-loop passes failed so far. */
    long middleFailedPasses();
}
