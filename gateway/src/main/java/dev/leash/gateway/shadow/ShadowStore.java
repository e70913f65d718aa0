package dev.leash.gateway.shadow;

import java.util.List;
import java.util.Optional;

/**
 * Where the shadow books keep their checkpoints and the market steps they consumed; the gateway's is the journal.
 * Called from the shadow thread only.
 */
public interface ShadowStore {

    /** The last checkpoint saved, if any. */
    Optional<ShadowsCheckpoint> load();

    /**
     * Saves {@code checkpoint} together with the market steps processed since the last save, durably and at once,
     * and drops the journaled steps older than {@code keepStepsFrom}.
     */
    void save(ShadowsCheckpoint checkpoint, List<MarketStep> steps, long keepStepsFrom);

    /** A store that keeps nothing: shadows start afresh at every start. */
    ShadowStore NONE = new ShadowStore() {
        @Override
        public Optional<ShadowsCheckpoint> load() {
            return Optional.empty();
        }

        @Override
        public void save(ShadowsCheckpoint checkpoint, List<MarketStep> steps, long keepStepsFrom) {
        }
    };
}
