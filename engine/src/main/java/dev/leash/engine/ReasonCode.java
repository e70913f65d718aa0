package dev.leash.engine;

/** Why the engine decided what it did, as a code; numbers in {@link Reason}, English in {@link DecisionText}. */
public enum ReasonCode {
    /** A decision journaled before reasons were coded: only its text is known. */
    TEXT,
    /** HOLD: fewer closed bars than the lookback (numbers: bars, lookback). */
    WARMING_UP,
    /** HOLD: no position (numbers: channel_low, channel_high). */
    FLAT,
    /** HOLD: a position is open (numbers: position, entry_price, channel_low, channel_high). */
    IN_POSITION,
    /** ENTER or REVERSE: the price broke the channel (numbers: lookback, channel_low, channel_high, price). */
    CHANNEL_BREAK,
    /** STOP_LOSS (numbers: price, stop_loss_pct, entry_price). */
    STOP_HIT,
    /** TAKE_PROFIT (numbers: price, take_profit_pct, entry_price). */
    TAKE_PROFIT_HIT,
    /** EXIT on the opposite break (numbers: price); {@link Reason#blockedBy} says why it did not reverse. */
    OPPOSITE_BREAK,
    /** FLATTEN: the daily loss limit was reached. */
    DAILY_LOSS_LIMIT,
    /** A new position refused by the trading state ({@link Reason#subject}: the state's name). */
    TRADING_STATE,
    /** A new position refused by the params' trading mode ({@link Reason#subject}: the mode's wire name). */
    TRADING_MODE,
    /** The symbol is not enabled. */
    SYMBOL_DISABLED,
    /** The symbol is held reduce-only (numbers: holds, the {@link SymbolHold} bits). */
    SYMBOL_HELD,
    /**
     * The model vetoed this side of the symbol ({@link Reason#subject}: the {@link SymbolBias}'s wire name; numbers:
     * until, epoch milliseconds).
     */
    MODEL_VETO,
    /** The size came out below the venue's minimum (numbers: qty, min_qty, min_notional, equity). */
    BELOW_MIN_SIZE,
    /** The pre-trade check refused the order ({@link Reason#subject}: the {@code OrderReject} name). */
    RISK_REJECTED,
    /** ENTER or REVERSE on an entry rule other than the breakout ({@link Reason#subject}: the rule's name;
     * numbers: price, lower, upper, histogram as the rule has them). */
    ENTRY_SIGNAL,
    /** A new position refused by one of the strategy's filters ({@link Reason#subject}: the filter's name). */
    FILTERED,
    /** STOP_LOSS by the trailing stop (numbers: price, pct, best_price). */
    TRAILING_STOP_HIT,
    /** EXIT by the time stop (numbers: price, bars). */
    TIME_STOP_HIT,
    /** An action with no further reason: its name says it. */
    ACTION
}
