package dev.leash.risk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The limits in force: the {@link Ceilings}, possibly tightened by the operator, plus the operator's symbol
 * allowlist and order-check settings.
 *
 * <p>Built once at start; {@link Builder#build()} throws {@link IllegalArgumentException} naming the field when
 * the operator tries to loosen a hard ceiling.
 */
public record Limits(
        Range maxPositionPct,
        Range stopLossPct,
        Range takeProfitPct,
        Range breakoutLookback,
        Range maxLeverage,
        Range sizeMultiplier,
        Range dailyLossLimitPct,
        int maxEnabledSymbols,
        Set<String> allowlist,
        double maxOrderNotional,
        int maxOrdersPerWindow,
        long orderRateWindowMillis,
        double priceBandPct) {

    /** Default orders per symbol per window. */
    public static final int DEFAULT_MAX_ORDERS_PER_WINDOW = 6;
    /** Default price band, percent. */
    public static final double DEFAULT_PRICE_BAND_PCT = 2.0;
    /** Default largest order notional, USDT. */
    public static final double DEFAULT_MAX_ORDER_NOTIONAL = 250_000.0;

    /**
     * Checks every field against the hard {@link Ceilings} whichever way the limits are built, so no code path can
     * loosen them.
     *
     * @throws IllegalArgumentException naming the field that is outside the hard limits
     */
    public Limits {
        Range[] inForce = { // in the order of ParamField.rangedFields()
                maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage, sizeMultiplier,
                dailyLossLimitPct};
        List<ParamField> fields = ParamField.rangedFields();
        for (int i = 0; i < fields.size(); i++) {
            within(fields.get(i).wireName(), inForce[i], fields.get(i).ceilings());
        }
        if (maxEnabledSymbols < 1 || maxEnabledSymbols > Ceilings.MAX_ENABLED_SYMBOLS) {
            throw new IllegalArgumentException("limits.max_enabled_symbols: " + maxEnabledSymbols
                    + " is outside [1, " + Ceilings.MAX_ENABLED_SYMBOLS + "]");
        }
        if (maxOrdersPerWindow < 1 || maxOrdersPerWindow > Ceilings.MAX_ORDERS_PER_WINDOW) {
            throw new IllegalArgumentException("limits.max_orders_per_minute: " + maxOrdersPerWindow
                    + " is outside [1, " + Ceilings.MAX_ORDERS_PER_WINDOW + "]");
        }
        if (orderRateWindowMillis != Ceilings.ORDER_RATE_WINDOW_MILLIS) {
            throw new IllegalArgumentException("limits.order_rate_window: must be "
                    + Ceilings.ORDER_RATE_WINDOW_MILLIS + " ms");
        }
        if (!(priceBandPct > 0) || priceBandPct > Ceilings.MAX_PRICE_BAND_PCT) {
            throw new IllegalArgumentException("limits.price_band_pct: " + Numbers.format(priceBandPct)
                    + " is outside (0, " + Numbers.format(Ceilings.MAX_PRICE_BAND_PCT) + "]");
        }
        if (!(maxOrderNotional > 0) || maxOrderNotional > Ceilings.MAX_ORDER_NOTIONAL) {
            throw new IllegalArgumentException("limits.max_order_notional: " + Numbers.format(maxOrderNotional)
                    + " is outside (0, " + Numbers.format(Ceilings.MAX_ORDER_NOTIONAL) + "]");
        }
        allowlist = Collections.unmodifiableSet(new TreeSet<>(allowlist));
    }

    private static void within(String field, Range range, Range hard) {
        if (range == null || !range.within(hard)) {
            throw new IllegalArgumentException("limits." + field + ": " + range + " loosens the hard limit " + hard
                    + "; operator configuration may only tighten it");
        }
    }

    /** The hard ceilings with the given allowlist and default order-check settings. */
    public static Limits hard(Set<String> allowlist) {
        return builder(allowlist).build();
    }

    public static Builder builder(Set<String> allowlist) {
        return new Builder(allowlist);
    }

    /** A range by its wire field name, for messages and for the published ceilings. */
    public Map<String, Range> ranges() {
        Map<String, Range> ranges = new LinkedHashMap<>();
        for (ParamField f : ParamField.rangedFields()) {
            ranges.put(f.wireName(), range(f));
        }
        return Collections.unmodifiableMap(ranges);
    }

    /**
     * The range in force for a field of the {@link ParamField} table.
     *
     * @throws IllegalArgumentException for a field without a numeric range
     */
    public Range range(ParamField field) {
        return switch (field) {
            case MAX_POSITION_PCT -> maxPositionPct;
            case STOP_LOSS_PCT -> stopLossPct;
            case TAKE_PROFIT_PCT -> takeProfitPct;
            case BREAKOUT_LOOKBACK -> breakoutLookback;
            case MAX_LEVERAGE -> maxLeverage;
            case SIZE_MULTIPLIER -> sizeMultiplier;
            case DAILY_LOSS_LIMIT_PCT -> dailyLossLimitPct;
            default -> throw new IllegalArgumentException(field.wireName() + " has no numeric range");
        };
    }

    /** Operator tightening of the hard ceilings; every setter is checked when {@link #build()} runs. */
    public static final class Builder {
        private final Set<String> allowlist;
        private final Map<String, Range> ranges = new LinkedHashMap<>();
        private int maxEnabledSymbols = Ceilings.MAX_ENABLED_SYMBOLS;
        private double maxOrderNotional = DEFAULT_MAX_ORDER_NOTIONAL;
        private int maxOrdersPerWindow = DEFAULT_MAX_ORDERS_PER_WINDOW;
        private double priceBandPct = DEFAULT_PRICE_BAND_PCT;

        private Builder(Set<String> allowlist) {
            this.allowlist = Set.copyOf(allowlist);
            for (ParamField f : ParamField.rangedFields()) {
                ranges.put(f.wireName(), f.ceilings());
            }
        }

        /**
         * Tightens the range of a field given by its wire name ({@code max_position_pct}, ...; the ranged rows of
         * {@link ParamField}).
         *
         * @throws IllegalArgumentException when the field is unknown or the range is not inside the hard one
         */
        public Builder tighten(String field, double floor, double ceiling) {
            Range hard = ranges.get(field);
            if (hard == null) {
                throw new IllegalArgumentException("limits." + field + ": unknown field; tightenable fields are "
                        + ranges.keySet());
            }
            Range requested;
            try {
                requested = new Range(floor, ceiling);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("limits." + field + ": " + e.getMessage(), e);
            }
            if (!requested.within(hard)) {
                throw new IllegalArgumentException("limits." + field + ": " + requested
                        + " loosens the hard limit " + hard + "; operator configuration may only tighten it");
            }
            ranges.put(field, requested);
            return this;
        }

        public Builder maxEnabledSymbols(int value) {
            if (value < 1 || value > Ceilings.MAX_ENABLED_SYMBOLS) {
                throw new IllegalArgumentException("limits.max_enabled_symbols: " + value
                        + " is outside [1, " + Ceilings.MAX_ENABLED_SYMBOLS + "]");
            }
            maxEnabledSymbols = value;
            return this;
        }

        public Builder maxOrderNotional(double value) {
            if (!(value > 0) || value > Ceilings.MAX_ORDER_NOTIONAL) {
                throw new IllegalArgumentException("limits.max_order_notional: " + Numbers.format(value)
                        + " is outside (0, " + Numbers.format(Ceilings.MAX_ORDER_NOTIONAL) + "]");
            }
            maxOrderNotional = value;
            return this;
        }

        public Builder maxOrdersPerWindow(int value) {
            if (value < 1 || value > Ceilings.MAX_ORDERS_PER_WINDOW) {
                throw new IllegalArgumentException("limits.max_orders_per_minute: " + value
                        + " is outside [1, " + Ceilings.MAX_ORDERS_PER_WINDOW + "]");
            }
            maxOrdersPerWindow = value;
            return this;
        }

        public Builder priceBandPct(double value) {
            if (!(value > 0) || value > Ceilings.MAX_PRICE_BAND_PCT) {
                throw new IllegalArgumentException("limits.price_band_pct: " + Numbers.format(value)
                        + " is outside (0, " + Numbers.format(Ceilings.MAX_PRICE_BAND_PCT) + "]");
            }
            priceBandPct = value;
            return this;
        }

        private Range tightened(ParamField field) {
            return ranges.get(field.wireName());
        }

        public Limits build() {
            if (allowlist.isEmpty()) {
                throw new IllegalArgumentException("limits.allowlist: at least one symbol is required");
            }
            for (String symbol : allowlist) {
                if (!Symbols.isWellFormed(symbol)) {
                    throw new IllegalArgumentException("limits.allowlist: '" + symbol
                            + "' is not a symbol (2-20 of A-Z, 0-9, '-')");
                }
            }
            return new Limits(tightened(ParamField.MAX_POSITION_PCT), tightened(ParamField.STOP_LOSS_PCT),
                    tightened(ParamField.TAKE_PROFIT_PCT), tightened(ParamField.BREAKOUT_LOOKBACK),
                    tightened(ParamField.MAX_LEVERAGE), tightened(ParamField.SIZE_MULTIPLIER),
                    tightened(ParamField.DAILY_LOSS_LIMIT_PCT), maxEnabledSymbols,
                    allowlist, maxOrderNotional, maxOrdersPerWindow, Ceilings.ORDER_RATE_WINDOW_MILLIS,
                    priceBandPct);
        }
    }
}
