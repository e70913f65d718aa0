package dev.leash.risk;

/** The outcome of a pre-trade check; {@link #NONE} means the order may be sent. */
public enum OrderReject {
    NONE,
    /** Quantity or price is not a positive finite number, or the symbol index is unknown. */
    INVALID_ORDER,
    /** The trading state is HALTED. */
    HALTED,
    /** The trading state or mode allows only orders that shrink a position without flipping it. */
    REDUCE_ONLY,
    /** The symbol is not enabled in the parameters. */
    SYMBOL_DISABLED,
    /** The resulting position would exceed {@code max_position_pct} of equity. */
    POSITION_LIMIT,
    /** The order's notional exceeds the per-order limit. */
    NOTIONAL_LIMIT,
    /** Gross exposure over equity would exceed {@code max_leverage}. */
    LEVERAGE_LIMIT,
    /** The loss since the start of the day reached the daily loss limit. */
    DAILY_LOSS_LIMIT,
    /** Too many orders for this symbol in the rate window. */
    RATE_LIMIT,
    /** The order price is too far from the reference price (the venue's mark, or a median of recent trades). */
    PRICE_BAND
}
