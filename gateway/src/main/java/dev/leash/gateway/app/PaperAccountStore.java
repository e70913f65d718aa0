package dev.leash.gateway.app;

import dev.leash.journal.Journal;
import dev.leash.venue.Fill;
import dev.leash.venue.sim.StateStore;

import java.util.List;

/**
 * The paper account's store: its state under one key of the journal, saved in the same transaction as the fills
 * that entered it, so after a crash at any instant the journal's fills and the saved account tell one story.
 */
public final class PaperAccountStore implements StateStore {

    private final Journal journal;
    private final String key;
    private final SavedFills saved;

    public PaperAccountStore(Journal journal, String key, SavedFills saved) {
        this.journal = journal;
        this.key = key;
        this.saved = saved;
    }

    @Override
    public String load() {
        return journal.getState(key).orElse(null);
    }

    @Override
    public void save(String state) {
        journal.putState(key, state);
    }

    @Override
    public void save(String state, List<Fill> fills) {
        if (fills.isEmpty()) {
            save(state);
            return;
        }
        for (Fill f : journal.putStateWithFills(key, state, fills)) {
            saved.saved(f.fillId());
        }
    }
}
