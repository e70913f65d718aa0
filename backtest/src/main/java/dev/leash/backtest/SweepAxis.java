package dev.leash.backtest;

import dev.leash.risk.ParamField;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * One swept parameter: a numeric {@link ParamField} and the values it takes, {@code from} to {@code to} inclusive
 * in steps of {@code step}. A per-symbol field ({@code size_multiplier}) is set on every symbol.
 */
public record SweepAxis(ParamField field, List<Double> values) {

    /** Values one axis may take at most. */
    public static final int MAX_VALUES = 1_000;

    public SweepAxis {
        values = List.copyOf(values);
    }

    /** An axis, or the reason the spec is not one. */
    public record Parse(SweepAxis axis, String error) {
        static Parse error(String spec, String why) {
            return new Parse(null, "bad --sweep '" + spec + "': " + why + " (expected FIELD=FROM:TO:STEP, e.g. "
                    + ParamField.MAX_POSITION_PCT.wireName() + "=0.2:2:0.2)");
        }

        public boolean ok() {
            return axis != null;
        }
    }

    /** Parses {@code field=from:to:step}; the field name comes from {@link ParamField}. */
    public static Parse parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            return Parse.error(spec, "no field name before '='");
        }
        String name = spec.substring(0, eq).strip();
        ParamField field = ParamField.byWireName(name);
        if (field == null || !field.ranged()) {
            return Parse.error(spec, "'" + name + "' is not a numeric parameter; one of " + sweepable());
        }
        String[] parts = spec.substring(eq + 1).split(":", -1);
        if (parts.length != 3) {
            return Parse.error(spec, "the range needs three numbers FROM:TO:STEP");
        }
        double[] n = new double[3];
        for (int i = 0; i < 3; i++) {
            try {
                n[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                return Parse.error(spec, "'" + parts[i] + "' is not a number");
            }
            if (!Double.isFinite(n[i])) {
                return Parse.error(spec, "'" + parts[i] + "' is not a finite number");
            }
        }
        double from = n[0];
        double to = n[1];
        double step = n[2];
        if (!(step > 0)) {
            return Parse.error(spec, "STEP must be positive");
        }
        if (from > to) {
            return Parse.error(spec, "FROM " + plain(from) + " is above TO " + plain(to));
        }
        if (field.type() == ParamField.Type.INTEGER && (from != Math.rint(from) || step != Math.rint(step))) {
            return Parse.error(spec, name + " is a whole number, so FROM and STEP must be whole");
        }
        double count = Math.floor((to - from) / step + 1e-9) + 1;
        if (count > MAX_VALUES) {
            return Parse.error(spec, "more than " + MAX_VALUES + " values");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < (int) count; i++) {
            values.add(Math.rint((from + i * step) * 1e9) / 1e9 + 0.0);
        }
        return new Parse(new SweepAxis(field, values), null);
    }

    /**
     * {@code base} with this axis's field set to {@code value}, its strategy kept, with the strategy's numbers that
     * field bounds set to {@code value} too (see {@link StrategyAxis}).
     */
    public Params apply(Params p, double value) {
        return set(p, value).withStrategy(p.strategy() == null ? null
                : StrategyAxis.apply(p.strategy(), field, value));
    }

    private Params set(Params p, double value) {
        return switch (field) {
            case MAX_POSITION_PCT -> new Params(p.version(), value, p.stopLossPct(), p.takeProfitPct(),
                    p.breakoutLookback(), p.maxLeverage(), p.dailyLossLimitPct(), p.tradingMode(), p.symbols(),
                    p.updatedBy(), p.rationale(), p.updatedAt());
            case STOP_LOSS_PCT -> new Params(p.version(), p.maxPositionPct(), value, p.takeProfitPct(),
                    p.breakoutLookback(), p.maxLeverage(), p.dailyLossLimitPct(), p.tradingMode(), p.symbols(),
                    p.updatedBy(), p.rationale(), p.updatedAt());
            case TAKE_PROFIT_PCT -> new Params(p.version(), p.maxPositionPct(), p.stopLossPct(), value,
                    p.breakoutLookback(), p.maxLeverage(), p.dailyLossLimitPct(), p.tradingMode(), p.symbols(),
                    p.updatedBy(), p.rationale(), p.updatedAt());
            case BREAKOUT_LOOKBACK -> new Params(p.version(), p.maxPositionPct(), p.stopLossPct(),
                    p.takeProfitPct(), (int) value, p.maxLeverage(), p.dailyLossLimitPct(), p.tradingMode(),
                    p.symbols(), p.updatedBy(), p.rationale(), p.updatedAt());
            case MAX_LEVERAGE -> new Params(p.version(), p.maxPositionPct(), p.stopLossPct(), p.takeProfitPct(),
                    p.breakoutLookback(), value, p.dailyLossLimitPct(), p.tradingMode(), p.symbols(),
                    p.updatedBy(), p.rationale(), p.updatedAt());
            case DAILY_LOSS_LIMIT_PCT -> new Params(p.version(), p.maxPositionPct(), p.stopLossPct(),
                    p.takeProfitPct(), p.breakoutLookback(), p.maxLeverage(), value, p.tradingMode(), p.symbols(),
                    p.updatedBy(), p.rationale(), p.updatedAt());
            case SIZE_MULTIPLIER -> {
                TreeMap<String, SymbolParams> symbols = new TreeMap<>();
                p.symbols().forEach((s, sp) -> symbols.put(s, new SymbolParams(sp.enabled(), value)));
                yield p.withSymbols(symbols);
            }
            default -> throw new IllegalStateException(field.wireName() + " cannot be swept");
        };
    }

    /** The field's wire name. */
    public String name() {
        return field.wireName();
    }

    /** A value as it is written in tables: no trailing zeros. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    private static List<String> sweepable() {
        List<String> out = new ArrayList<>();
        ParamField.rangedFields().forEach(f -> out.add(f.wireName()));
        return out;
    }
}
