package dev.leash.gateway.shadow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@link ShadowStore} in memory: the last checkpoint and every market step saved, for the shadow tests. */
final class MemoryShadowStore implements ShadowStore {

    private ShadowsCheckpoint last;
    private final List<MarketStep> steps = new ArrayList<>();
    private int saves;

    @Override
    public Optional<ShadowsCheckpoint> load() {
        return Optional.ofNullable(last);
    }

    @Override
    public void save(ShadowsCheckpoint checkpoint, List<MarketStep> consumed, long keepStepsFrom) {
        last = checkpoint;
        steps.addAll(consumed);
        saves++;
    }

    ShadowsCheckpoint last() {
        return last;
    }

    List<MarketStep> steps() {
        return steps;
    }

    int saves() {
        return saves;
    }
}
