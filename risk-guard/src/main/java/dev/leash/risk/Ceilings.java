package dev.leash.risk;

import java.time.Duration;

/**
 * The hard limits compiled into Leash. Operator configuration may tighten them ({@link Limits}), never loosen
 * them; nothing the model writes can move them. The per-field ranges and steps are those of {@link ParamField}.
 *
 * <p>Units: every {@code *_PCT} is percent (1.0 means 1 %), lookbacks are closed 5-minute bars.
 */
public final class Ceilings {

    /** Position notional per symbol, percent of equity. */
    public static final Range MAX_POSITION_PCT = ParamField.MAX_POSITION_PCT.ceilings();
    /** Stop-loss distance from entry, percent of entry price. */
    public static final Range STOP_LOSS_PCT = ParamField.STOP_LOSS_PCT.ceilings();
    /** Take-profit distance from entry, percent of entry price; the field is optional. */
    public static final Range TAKE_PROFIT_PCT = ParamField.TAKE_PROFIT_PCT.ceilings();
    /** Breakout lookback, closed bars. */
    public static final Range BREAKOUT_LOOKBACK = ParamField.BREAKOUT_LOOKBACK.ceilings();
    /** Gross exposure over equity. */
    public static final Range MAX_LEVERAGE = ParamField.MAX_LEVERAGE.ceilings();
    /** Per-symbol multiplier applied to the position size; 0 keeps a symbol enabled but flat. */
    public static final Range SIZE_MULTIPLIER = ParamField.SIZE_MULTIPLIER.ceilings();
    /** Loss since the start of the UTC day, percent of start-of-day equity, at which trading halts. */
    public static final Range DAILY_LOSS_LIMIT_PCT = ParamField.DAILY_LOSS_LIMIT_PCT.ceilings();
    /** Default daily loss limit, percent. */
    public static final double DEFAULT_DAILY_LOSS_LIMIT_PCT = 3.0;
    /** Enabled symbols at most. */
    public static final int MAX_ENABLED_SYMBOLS = 10;

    /** Largest rise of {@code max_position_pct} in one accepted update, percentage points. */
    public static final double MAX_POSITION_PCT_STEP = ParamField.MAX_POSITION_PCT.step().amount();
    /** Largest rise of {@code stop_loss_pct} in one update, percentage points. */
    public static final double STOP_LOSS_PCT_STEP = ParamField.STOP_LOSS_PCT.step().amount();
    /** Largest rise of {@code max_leverage} in one update. */
    public static final double MAX_LEVERAGE_STEP = ParamField.MAX_LEVERAGE.step().amount();
    /** Largest relative change of {@code breakout_lookback} in one update, either direction. */
    public static final double BREAKOUT_LOOKBACK_STEP_FRACTION = ParamField.BREAKOUT_LOOKBACK.step().amount();
    /** Largest rise of a symbol's {@code size_multiplier} in one update. */
    public static final double SIZE_MULTIPLIER_STEP = ParamField.SIZE_MULTIPLIER.step().amount();
    /** Largest rise of {@code daily_loss_limit_pct} in one update, percentage points. */
    public static final double DAILY_LOSS_LIMIT_PCT_STEP = ParamField.DAILY_LOSS_LIMIT_PCT.step().amount();
    /** Minimum time between two accepted risk-increasing updates. */
    public static final Duration INCREASE_COOLDOWN = Duration.ofMinutes(15);
    /** Risk-increasing updates allowed per rolling window. */
    public static final int MAX_INCREASES_PER_WINDOW = 8;
    /** The rolling window of the increase count and of the drift rule. */
    public static final Duration INCREASE_WINDOW = Duration.ofHours(24);
    /** Largest rise of {@code max_position_pct} above its lowest value within the window, points. */
    public static final double MAX_POSITION_PCT_DRIFT = 2.0;

    /** Longest accepted rationale, characters. */
    public static final int MAX_RATIONALE_CHARS = 4_000;
    /** Longest accepted author, characters. */
    public static final int MAX_AUTHOR_CHARS = 200;

    /** Largest notional of one order, quote currency (USDT). */
    public static final double MAX_ORDER_NOTIONAL = 1_000_000.0;
    /** Orders per symbol per {@link #ORDER_RATE_WINDOW_MILLIS}. */
    public static final int MAX_ORDERS_PER_WINDOW = 30;
    /** The window of the order-rate limit, milliseconds. */
    public static final long ORDER_RATE_WINDOW_MILLIS = 60_000L;
    /** Largest distance of an order price from the last trade price, percent. */
    public static final double MAX_PRICE_BAND_PCT = 5.0;

    private Ceilings() {
    }
}
