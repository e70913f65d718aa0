package dev.leash.journal;

/** A journaled event: a state change, a reconciliation difference, a parameter reload, a fault. */
public record JournalEvent(long time, String kind, String message) {

    /** Kind of the events written by {@link Journal#recordStateChange}. */
    public static final String STATE = "state";
    /** A difference between the journal or engine and what the venue reports. */
    public static final String RECONCILE = "reconcile";
    /** Parameters were reloaded, accepted or rejected. */
    public static final String PARAMS = "params";
    /** An unexpected error the loops counted and carried on after. */
    public static final String FAULT = "fault";
}
