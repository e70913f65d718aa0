package dev.leash.risk;

/** Why a field of a proposal was rejected. */
public enum Rule {
    /** Wrong JSON type, unknown field, or malformed value. */
    INVALID,
    /** NaN, an infinity, or a number too large to be meant. */
    NOT_FINITE,
    /** More decimal places than {@link Numbers#DECIMALS}. */
    PRECISION,
    /** Outside the floor or ceiling in force. */
    BOUNDS,
    /** Raises risk by more than one update may. */
    STEP,
    /** Raises risk too soon after the last accepted increase. */
    COOLDOWN,
    /** Raises risk more often than allowed in the rolling window. */
    DAILY_INCREASES,
    /** Raises {@code max_position_pct} too far above its lowest value in the rolling window. */
    DRIFT,
    /** A symbol that is not on the operator's allowlist. */
    ALLOWLIST,
    /** Too many enabled symbols. */
    SYMBOL_COUNT,
    /** Missing or oversized rationale. */
    RATIONALE,
    /** Missing or oversized author. */
    AUTHOR,
    /** The proposal was made against a version that is no longer current. */
    VERSION_CONFLICT,
    /** The author's {@link Principal} may not make this change: an automatic action may only lower risk. */
    PRINCIPAL
}
