package dev.leash.gateway.app;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Fills the paper account's store journaled in the transaction that saved the account, not yet handed to the
 * engine: the inner loop's recorder claims each once, so a fill journaled early still counts exactly once.
 *
 * <p>Thread-safe: the store writes on the venue's lock, the recorder claims on the inner loop's thread.
 */
public final class SavedFills {

    /** Ids kept at most; a fill never claimed (its order left the engine's path) is forgotten after this many. */
    static final int CAPACITY = 10_000;

    private final Set<String> ids = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > CAPACITY;
                }
            }));

    /** The fill {@code fillId} was journaled with the account in this run. */
    void saved(String fillId) {
        ids.add(fillId);
    }

    /** True, once, when {@code fillId} was journaled with the account in this run and not claimed yet. */
    boolean claim(String fillId) {
        return ids.remove(fillId);
    }
}
