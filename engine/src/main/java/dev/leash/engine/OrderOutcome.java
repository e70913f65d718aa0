package dev.leash.engine;

/** What became of one order sent through an {@link OrderRoute}: a value, venue faults included. */
public enum OrderOutcome {
    /** Placed, and the venue has finished with it (its fills, if any, were handed over). */
    DONE,
    /** Placed, and the venue is not finished with it: its fills and its end arrive later. */
    OPEN,
    /** The venue refused it. */
    REJECTED,
    /** It may or may not have reached the venue: never sent again blindly, resolved by asking for its id. */
    UNKNOWN,
    /** It did not reach the venue (or was not sent at all). */
    FAILED;

    /** True when the engine's pending order ends with this outcome. */
    public boolean ended() {
        return this == DONE || this == REJECTED || this == FAILED;
    }
}
