package dev.leash.risk;

/** The state of the inner loop: what orders it may send at all. */
public enum TradingState {
    /** New exposure and exits allowed. */
    ACTIVE,
    /** Only orders that shrink an existing position without flipping it. */
    REDUCE_ONLY,
    /** No orders at all. */
    HALTED
}
