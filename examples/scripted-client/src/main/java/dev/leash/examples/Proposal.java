package dev.leash.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One change the scripted outer loop proposes, with the rationale journaled next to it.
 *
 * @param kind      which rule produced it
 * @param changes   the {@code update_params} changes object
 * @param rationale the numbers and the expectation, in one paragraph
 */
public record Proposal(Kind kind, ObjectNode changes, String rationale) {

    /** The rules of the scripted outer loop. */
    public enum Kind {
        /** Volatility rose: {@code max_position_pct} down by the configured step. */
        VOLATILITY_UP,
        /** Volatility fell: {@code max_position_pct} up by at most the per-update step, when allowed now. */
        VOLATILITY_DOWN,
        /** A symbol lost its last N closed trades: disable it. */
        LOSING_STREAK,
        /** A deliberate over-step increase that risk-guard must reject. */
        PROBE
    }

    /** Whether risk-guard is expected to accept it. */
    public boolean expectAccepted() {
        return kind != Kind.PROBE;
    }
}
