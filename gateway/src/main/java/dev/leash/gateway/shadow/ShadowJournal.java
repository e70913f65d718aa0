package dev.leash.gateway.shadow;

import dev.leash.venue.Fill;

/**
 * Where the shadow books journal their runs and fills, so the scorecard can be recomputed from the journal. Called on
 * the shadow thread only, never the inner loop's; an implementation that fails throws and the shadows go on.
 */
public interface ShadowJournal {

    /** The kind of the shadow that trades the operator's baseline params. */
    String BASELINE = "baseline";
    /** The kind of a shadow that trades the version a change replaced. */
    String INCUMBENT = "incumbent";
    /** The kind of a shadow that trades the live params from a change on. */
    String LIVE_PARAMS = "live-params";
    /** The kind of a candidate strategy's shadow ({@code candidate:<id>}), run by the strategy pipeline. */
    String CANDIDATE = "candidate";

    /** Journals nothing. */
    ShadowJournal NONE = new ShadowJournal() {
        @Override
        public long started(String name, String kind, long paramsVersion, long liveVersion, long since,
                            double equity) {
            return 0;
        }

        @Override
        public void filled(long runId, String name, long paramsVersion, Fill fill, double positionAfter) {
        }

        @Override
        public void retired(long runId, long time) {
        }
    };

    /** A shadow started; returns its run id. {@code kind} is {@link #BASELINE}, {@link #INCUMBENT} or {@link #LIVE_PARAMS}. */
    long started(String name, String kind, long paramsVersion, long liveVersion, long since, double equity);

    /**
     * The id of the run, still active, that a shadow named {@code name} started at {@code since} (a shadow resumed
     * after a restart continues it), or -1 when there is none.
     */
    default long activeRun(String name, long since) {
        return -1;
    }

    /** One fill of a run, with the run's signed position in the symbol after it. */
    void filled(long runId, String name, long paramsVersion, Fill fill, double positionAfter);

    /** A run retired. */
    void retired(long runId, long time);
}
