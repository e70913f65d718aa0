package dev.leash.risk;

import java.time.Duration;

/**
 * The hard limits compiled into Leash. Operator configuration may tighten them ({@link Limits}), never loosen
 * them; nothing the model writes can move them.
 *
 * <p>Units: every {@code *_PCT} is percent (1.0 means 1 %), lookbacks are closed 5-minute bars.
 */
public final class Ceilings {

    /** Position notional per symbol, percent of equity. */
    public static final Range MAX_POSITION_PCT = new Range(0.1, 5.0);
    /** Stop-loss distance from entry, percent of entry price. */
    public static final Range STOP_LOSS_PCT = new Range(0.2, 10.0);
    /** Take-profit distance from entry, percent of entry price; the field is optional. */
    public static final Range TAKE_PROFIT_PCT = new Range(0.2, 50.0);
    /** Breakout lookback, closed bars. */
    public static final Range BREAKOUT_LOOKBACK = new Range(5, 200);
    /** Gross exposure over equity. */
    public static final Range MAX_LEVERAGE = new Range(1.0, 3.0);
    /** Per-symbol multiplier applied to the position size; 0 keeps a symbol enabled but flat. */
    public static final Range SIZE_MULTIPLIER = new Range(0.0, 1.5);
    /** Loss since the start of the UTC day, percent of start-of-day equity, at which trading halts. */
    public static final Range DAILY_LOSS_LIMIT_PCT = new Range(0.5, 5.0);
    /** Default daily loss limit, percent. */
    public static final double DEFAULT_DAILY_LOSS_LIMIT_PCT = 3.0;
    /** Enabled symbols at most. */
    public static final int MAX_ENABLED_SYMBOLS = 10;

    /** Largest rise of {@code max_position_pct} in one accepted update, percentage points. */
    public static final double MAX_POSITION_PCT_STEP = 0.5;
    /** Largest rise of {@code stop_loss_pct} in one update, percentage points. */
    public static final double STOP_LOSS_PCT_STEP = 1.0;
    /** Largest rise of {@code max_leverage} in one update. */
    public static final double MAX_LEVERAGE_STEP = 1.0;
    /** Largest relative change of {@code breakout_lookback} in one update, either direction. */
    public static final double BREAKOUT_LOOKBACK_STEP_FRACTION = 0.5;
    /** Largest rise of a symbol's {@code size_multiplier} in one update. */
    public static final double SIZE_MULTIPLIER_STEP = 0.5;
    /** Largest rise of {@code daily_loss_limit_pct} in one update, percentage points. */
    public static final double DAILY_LOSS_LIMIT_PCT_STEP = 1.0;
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
