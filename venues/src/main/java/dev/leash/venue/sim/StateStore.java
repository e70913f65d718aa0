package dev.leash.venue.sim;

/** Where the paper account is persisted; {@link #save} is durable before it returns. */
public interface StateStore {

    /** The last saved state, or null. */
    String load();

    void save(String state);

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
}
