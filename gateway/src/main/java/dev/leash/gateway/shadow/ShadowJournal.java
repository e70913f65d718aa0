package dev.leash.gateway.shadow;

import dev.leash.venue.Fill;

/**
 * Where the shadow books journal their runs and fills, so the scorecard can be recomputed from the journal. Called on
 * the shadow thread only, never the inner loop's; an implementation that fails throws and the shadows go on.
 */
public interface ShadowJournal {

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

    /** A shadow started; returns its run id. {@code kind} is one of {@link Attribution}'s kinds. */
    long started(String name, String kind, long paramsVersion, long liveVersion, long since, double equity);

    /** One fill of a run, with the run's signed position in the symbol after it. */
    void filled(long runId, String name, long paramsVersion, Fill fill, double positionAfter);

    /** A run retired. */
    void retired(long runId, long time);
}
