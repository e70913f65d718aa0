package dev.leash.venue.sim;

import dev.leash.venue.Fill;

import java.util.List;

/** Where the paper account is persisted; {@link #save} is durable before it returns. */
public interface StateStore {

    /** The last saved state, or null. */
    String load();

    void save(String state);

    /**
     * Saves {@code state} together with the {@code fills} that entered it with this change, durably, before it
     * returns. A store that also keeps a trade journal writes both as one unit, so a crash never leaves an account
     * that holds a fill its journal lacks; this default keeps only the state.
     */
    default void save(String state, List<Fill> fills) {
        save(state);
    }

    /** A store that keeps nothing (backtests). */
    StateStore NONE = new StateStore() {
        @Override
        public String load() {
            return null;
        }

        @Override
        public void save(String state) {
        }
    };

    /** A store that keeps the last saved state in this process only: a restart of the process starts afresh. */
    static StateStore inMemory() {
        return new StateStore() {
            private String state;

            @Override
            public String load() {
                return state;
            }

            @Override
            public void save(String s) {
                state = s;
            }
        };
    }
}
