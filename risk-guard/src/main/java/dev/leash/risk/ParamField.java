package dev.leash.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The tunable fields of {@code ai_params.json}, one row each: the only place their JSON names, bounds and
 * per-update steps are written. Parsing, the policy, the limits, headroom, the published schema and the messages
 * all read this table; adding a field is one row here plus its use in the strategy.
 *
 * <p>The rows are in the order the limits publish their ranges; the global fields, and the per-symbol ones, each
 * keep the order of the document on disk. Units: {@code *_pct} is percent (1.0 means 1 %).
 */
public enum ParamField {

    MAX_POSITION_PCT("max_position_pct", Type.NUMBER, Scope.GLOBAL, "% of equity", new Range(0.1, 5.0),
            Step.rise(0.5), true, "Position notional per symbol, percent of equity."),
    STOP_LOSS_PCT("stop_loss_pct", Type.NUMBER, Scope.GLOBAL, "% of entry price", new Range(0.2, 10.0),
            Step.rise(1.0), true, "Stop-loss distance from entry, percent; widening it raises risk."),
    TAKE_PROFIT_PCT("take_profit_pct", Type.OPTIONAL_NUMBER, Scope.GLOBAL, "% of entry price", new Range(0.2, 50.0),
            Step.NONE, false, "Take-profit distance from entry, percent; null turns take-profit off."),
    BREAKOUT_LOOKBACK("breakout_lookback", Type.INTEGER, Scope.GLOBAL, "closed 5-minute bars", new Range(5, 200),
            Step.fraction(0.5), false, "Closed 5-minute bars in the breakout channel."),
    MAX_LEVERAGE("max_leverage", Type.NUMBER, Scope.GLOBAL, "x equity", new Range(1.0, 3.0), Step.rise(1.0), true,
            "Largest gross exposure over equity."),
    ENABLED("enabled", Type.BOOLEAN, Scope.PER_SYMBOL, "", null, Step.NONE, true,
            "Whether the symbol trades; enabling it raises risk."),
    SIZE_MULTIPLIER("size_multiplier", Type.NUMBER, Scope.PER_SYMBOL, "x position size", new Range(0.0, 1.5),
            Step.rise(0.5), true, "Multiplier on the position size; 0 keeps the symbol enabled but flat."),
    DAILY_LOSS_LIMIT_PCT("daily_loss_limit_pct", Type.NUMBER, Scope.GLOBAL, "% of start-of-day equity",
            new Range(0.5, 5.0), Step.rise(1.0), true,
            "Loss since the start of the UTC day, percent of start-of-day equity, that halts trading."),
    TRADING_MODE("trading_mode", Type.MODE, Scope.GLOBAL, "", null, Step.NONE, true,
            "paused and reduce_only are always allowed; moving toward active raises risk.");

    /** The document's object of per-symbol fields, keyed by venue symbol. */
    public static final String SYMBOLS = "symbols";

    /** The JSON type of a field's value. */
    public enum Type {
        NUMBER, OPTIONAL_NUMBER, INTEGER, BOOLEAN, MODE
    }

    /** Whether a field is set once for the whole document or per symbol under {@link #SYMBOLS}. */
    public enum Scope {
        GLOBAL, PER_SYMBOL
    }

    /**
     * The largest change one update may make: a rise of at most {@code amount} (points), or a change either way of
     * at most {@code amount} times the current value ({@code fraction}); {@link #NONE} when only the range binds.
     */
    public record Step(double amount, boolean fraction) {

        public static final Step NONE = new Step(0, false);

        static Step rise(double amount) {
            return new Step(amount, false);
        }

        static Step fraction(double amount) {
            return new Step(amount, true);
        }

        public boolean none() {
            return amount == 0;
        }

        /** The step as text: {@code +0.5}, {@code +-50%}, or empty when there is none. */
        public String text() {
            if (none()) {
                return "";
            }
            return fraction ? "+-" + Numbers.format(amount * 100) + "%" : "+" + Numbers.format(amount);
        }
    }

    private final String wireName;
    private final Type type;
    private final Scope scope;
    private final String unit;
    private final Range ceilings;
    private final Step step;
    private final boolean upRaisesRisk;
    private final String description;

    ParamField(String wireName, Type type, Scope scope, String unit, Range ceilings, Step step, boolean upRaisesRisk,
               String description) {
        this.wireName = wireName;
        this.type = type;
        this.scope = scope;
        this.unit = unit;
        this.ceilings = ceilings;
        this.step = step;
        this.upRaisesRisk = upRaisesRisk;
        this.description = description;
    }

    /** The JSON name in {@code ai_params.json} and on the wire. */
    public String wireName() {
        return wireName;
    }

    public Type type() {
        return type;
    }

    public Scope scope() {
        return scope;
    }

    public boolean perSymbol() {
        return scope == Scope.PER_SYMBOL;
    }

    /** The unit of the value, for people; empty for a boolean or the mode. */
    public String unit() {
        return unit;
    }

    /** True for a numeric field bounded by a hard range (and so tightenable by the operator). */
    public boolean ranged() {
        return ceilings != null;
    }

    /**
     * The hard range compiled into Leash.
     *
     * @throws IllegalStateException for a field without one
     */
    public Range ceilings() {
        if (ceilings == null) {
            throw new IllegalStateException(wireName + " has no numeric range");
        }
        return ceilings;
    }

    public Step step() {
        return step;
    }

    /** True when a higher value (or {@code true}, or a mode toward active) means more risk. */
    public boolean upRaisesRisk() {
        return upRaisesRisk;
    }

    /** One sentence on what the field means. */
    public String description() {
        return description;
    }

    /** The field name of a per-symbol field in messages and headroom: {@code symbols.BTCUSDT.size_multiplier}. */
    public String of(String symbol) {
        if (!perSymbol()) {
            throw new IllegalStateException(wireName + " is not a per-symbol field");
        }
        return SYMBOLS + "." + symbol + "." + wireName;
    }

    /**
     * The value of a global numeric field in {@code p}; NaN when an optional one is off.
     *
     * @throws IllegalStateException for a per-symbol, boolean or mode field
     */
    public double number(Params p) {
        return switch (this) {
            case MAX_POSITION_PCT -> p.maxPositionPct();
            case STOP_LOSS_PCT -> p.stopLossPct();
            case TAKE_PROFIT_PCT -> p.takeProfitPct() == null ? Double.NaN : p.takeProfitPct();
            case BREAKOUT_LOOKBACK -> p.breakoutLookback();
            case MAX_LEVERAGE -> p.maxLeverage();
            case DAILY_LOSS_LIMIT_PCT -> p.dailyLossLimitPct();
            default -> throw new IllegalStateException(wireName + " is not a global number");
        };
    }

    /** The field with this JSON name, or null. */
    public static ParamField byWireName(String name) {
        for (ParamField f : values()) {
            if (f.wireName.equals(name)) {
                return f;
            }
        }
        return null;
    }

    /** The fields with a numeric range, in the order the limits publish them. */
    public static List<ParamField> rangedFields() {
        List<ParamField> out = new ArrayList<>();
        for (ParamField f : values()) {
            if (f.ranged()) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The fields of one scope, in document order. */
    public static List<ParamField> inScope(Scope scope) {
        List<ParamField> out = new ArrayList<>();
        for (ParamField f : values()) {
            if (f.scope == scope) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The JSON names of the fields of one scope, in document order. */
    public static List<String> names(Scope scope) {
        List<String> out = new ArrayList<>();
        inScope(scope).forEach(f -> out.add(f.wireName));
        return Collections.unmodifiableList(out);
    }
}
