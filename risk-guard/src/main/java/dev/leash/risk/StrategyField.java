package dev.leash.risk;

/**
 * The bounded numbers of the strategy blocks, one row each: the only place their JSON names, ranges and units are
 * written. A row bound to a {@link ParamField} takes that field's range, and the operator's tightening of it.
 */
public enum StrategyField {

    DONCHIAN_LOOKBACK(StrategyBlock.DONCHIAN_BREAKOUT, "lookback", Type.INTEGER, "closed 5-minute bars", null,
            ParamField.BREAKOUT_LOOKBACK, "Closed bars in the channel."),
    BOLLINGER_PERIOD(StrategyBlock.BOLLINGER_REVERSION, "period", Type.INTEGER, "closed 5-minute bars",
            new Range(10, 100), null, "Closes in the moving average and its standard deviation."),
    BOLLINGER_WIDTH(StrategyBlock.BOLLINGER_REVERSION, "width", Type.NUMBER, "standard deviations",
            new Range(1.0, 4.0), null, "Distance of each band from the average."),
    MACD_FAST(StrategyBlock.MACD_TREND, "fast", Type.INTEGER, "closed 5-minute bars", new Range(3, 50), null,
            "Period of the fast EMA; below slow."),
    MACD_SLOW(StrategyBlock.MACD_TREND, "slow", Type.INTEGER, "closed 5-minute bars", new Range(10, 100), null,
            "Period of the slow EMA."),
    MACD_SIGNAL(StrategyBlock.MACD_TREND, "signal", Type.INTEGER, "closed 5-minute bars", new Range(3, 50), null,
            "Period of the signal EMA of the MACD line."),
    RSI_LOW(StrategyBlock.RSI_BAND, "low", Type.NUMBER, "RSI points", new Range(0, 100), null,
            "Lowest RSI(14) at which an entry is allowed; below high."),
    RSI_HIGH(StrategyBlock.RSI_BAND, "high", Type.NUMBER, "RSI points", new Range(0, 100), null,
            "Highest RSI(14) at which an entry is allowed."),
    VOLUME_MIN(StrategyBlock.VOLUME_RATIO, "min", Type.NUMBER, "x 20-bar average volume", new Range(0, 10), null,
            "Smallest bar volume over its 20-bar average at which an entry is allowed."),
    FUNDING_MAX_PCT(StrategyBlock.FUNDING, "max_pct", Type.NUMBER, "% per funding interval", new Range(0, 1), null,
            "Largest funding rate the entering side may pay."),
    VOLATILITY_MIN_PCT(StrategyBlock.VOLATILITY, "min_pct", Type.NUMBER, "% annualized", new Range(0, 500), null,
            "Lowest realized volatility at which an entry is allowed; below max_pct."),
    VOLATILITY_MAX_PCT(StrategyBlock.VOLATILITY, "max_pct", Type.NUMBER, "% annualized", new Range(0, 500), null,
            "Highest realized volatility at which an entry is allowed."),
    START_HOUR(StrategyBlock.TIME_OF_DAY, "start_hour", Type.INTEGER, "UTC hour", new Range(0, 23), null,
            "First hour of the window; not equal to end_hour."),
    END_HOUR(StrategyBlock.TIME_OF_DAY, "end_hour", Type.INTEGER, "UTC hour", new Range(0, 23), null,
            "Hour at which the window ends."),
    REGIME_IN(StrategyBlock.REGIME, "in", Type.REGIMES, "", null, null,
            "Non-empty list of market-regime labels."),
    STOP_PCT(StrategyBlock.STOP_LOSS, "pct", Type.NUMBER, "% of entry price", null, ParamField.STOP_LOSS_PCT,
            "Adverse move from entry that closes the position."),
    TAKE_PROFIT_PCT(StrategyBlock.TAKE_PROFIT, "pct", Type.NUMBER, "% of entry price", null,
            ParamField.TAKE_PROFIT_PCT, "Favourable move from entry that closes the position."),
    TRAILING_PCT(StrategyBlock.TRAILING_STOP, "pct", Type.NUMBER, "% of best price", new Range(0.2, 10), null,
            "Adverse move from the best price since entry that closes the position."),
    TIME_STOP_BARS(StrategyBlock.TIME_STOP, "bars", Type.INTEGER, "closed 5-minute bars", new Range(1, 2016), null,
            "Closed bars after entry at which the position is closed.");

    /** The JSON type of a block field's value. */
    public enum Type {
        NUMBER, INTEGER, REGIMES
    }

    private final StrategyBlock block;
    private final String wireName;
    private final Type type;
    private final String unit;
    private final Range range;
    private final ParamField boundBy;
    private final String description;

    StrategyField(StrategyBlock block, String wireName, Type type, String unit, Range range, ParamField boundBy,
                  String description) {
        this.block = block;
        this.wireName = wireName;
        this.type = type;
        this.unit = unit;
        this.range = range;
        this.boundBy = boundBy;
        this.description = description;
    }

    public StrategyBlock block() {
        return block;
    }

    /** The JSON name inside its block's object. */
    public String wireName() {
        return wireName;
    }

    public Type type() {
        return type;
    }

    public String unit() {
        return unit;
    }

    /** True for a number bounded by a range. */
    public boolean ranged() {
        return type != Type.REGIMES;
    }

    /** The hard range compiled into Leash: its own, or that of the params field it is bound to. */
    public Range ceilings() {
        if (!ranged()) {
            throw new IllegalStateException(wireName + " has no numeric range");
        }
        return boundBy != null ? boundBy.ceilings() : range;
    }

    /** The range in force under {@code limits}: the bound params field's, possibly tightened by the operator. */
    public Range range(Limits limits) {
        return boundBy != null ? limits.range(boundBy) : ceilings();
    }

    /** The params field whose range this one shares, or null. */
    public ParamField boundBy() {
        return boundBy;
    }

    public String description() {
        return description;
    }

    /** The field of {@code block} with this JSON name, or null. */
    public static StrategyField of(StrategyBlock block, String name) {
        for (StrategyField f : values()) {
            if (f.block == block && f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }
}
