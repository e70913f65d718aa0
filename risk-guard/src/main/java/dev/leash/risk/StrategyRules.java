package dev.leash.risk;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a {@link StrategySpec} against the vocabulary and the limits in force: block kinds and counts, a required
 * stop-loss, every number finite, integral where it must be and inside its range, and the pairs that must be
 * ordered. Problems are {@link Violation}s on dotted fields ({@code strategy.exits[1].pct}), never exceptions.
 */
public final class StrategyRules {

    private static final String PREFIX = StrategyBlock.STRATEGY + ".";

    private StrategyRules() {
    }

    /** The problems of {@code s} under {@code limits}; empty when it may be used. */
    public static List<Violation> validate(StrategySpec s, Limits limits) {
        List<Violation> out = new ArrayList<>();
        block(s.entry(), StrategyBlock.Kind.ENTRY, PREFIX + StrategyBlock.ENTRY, limits, out);
        list(s.filters(), StrategyBlock.Kind.FILTER, StrategyBlock.FILTERS, StrategyBlock.MAX_FILTERS, limits, out);
        list(s.exits(), StrategyBlock.Kind.EXIT, StrategyBlock.EXITS, StrategyBlock.MAX_EXITS, limits, out);
        if (s.exit(StrategyBlock.STOP_LOSS) == null) {
            out.add(new Violation(PREFIX + StrategyBlock.EXITS, Rule.INVALID,
                    "a strategy needs a " + StrategyBlock.STOP_LOSS.wireName() + " exit"));
        }
        return out;
    }

    private static void list(List<BlockSpec> blocks, StrategyBlock.Kind kind, String name, int max, Limits limits,
                             List<Violation> out) {
        if (blocks.size() > max) {
            out.add(new Violation(PREFIX + name, Rule.INVALID, blocks.size() + " " + name + "; at most " + max));
        }
        Set<StrategyBlock> seen = EnumSet.noneOf(StrategyBlock.class);
        for (int i = 0; i < blocks.size(); i++) {
            String at = PREFIX + name + "[" + i + "]";
            BlockSpec b = blocks.get(i);
            if (!seen.add(b.block())) {
                out.add(new Violation(at, Rule.INVALID, b.block().wireName() + " appears twice"));
            }
            block(b, kind, at, limits, out);
        }
    }

    private static void block(BlockSpec b, StrategyBlock.Kind kind, String at, Limits limits, List<Violation> out) {
        if (b.block().kind() != kind) {
            out.add(new Violation(at, Rule.INVALID, b.block().wireName() + " is not a " + kind.key()
                    + "; one of " + StrategyBlock.names(kind)));
            return;
        }
        for (StrategyField f : b.block().fields()) {
            String field = at + "." + f.wireName();
            if (!f.ranged()) {
                if (b.regimes().isEmpty()) {
                    out.add(new Violation(field, Rule.INVALID, "must list at least one of " + Regime.labels()));
                }
                continue;
            }
            Double v = b.numbers().get(f);
            if (v == null) {
                out.add(new Violation(field, Rule.INVALID, "required"));
                continue;
            }
            Range r = f.range(limits);
            if (!Double.isFinite(v)) {
                out.add(new Violation(field, Rule.NOT_FINITE, "must be a finite number"));
            } else if (f.type() == StrategyField.Type.INTEGER && v != Math.rint(v)) {
                out.add(new Violation(field, Rule.INVALID, "must be an integer, got " + Numbers.format(v)));
            } else if (!r.contains(v)) {
                out.add(new Violation(field, Rule.BOUNDS, Numbers.format(v) + " is outside " + r
                        + (f.unit().isEmpty() ? "" : " (" + f.unit() + ")")));
            }
        }
        ordered(b, StrategyField.MACD_FAST, StrategyField.MACD_SLOW, at, out);
        ordered(b, StrategyField.RSI_LOW, StrategyField.RSI_HIGH, at, out);
        ordered(b, StrategyField.VOLATILITY_MIN_PCT, StrategyField.VOLATILITY_MAX_PCT, at, out);
        if (b.block() == StrategyBlock.TIME_OF_DAY
                && b.number(StrategyField.START_HOUR) == b.number(StrategyField.END_HOUR)) {
            out.add(new Violation(at + "." + StrategyField.END_HOUR.wireName(), Rule.INVALID,
                    "must differ from " + StrategyField.START_HOUR.wireName()));
        }
    }

    /** {@code low} must be below {@code high} where the block has both. */
    private static void ordered(BlockSpec b, StrategyField low, StrategyField high, String at, List<Violation> out) {
        if (b.block() == low.block() && b.number(low) >= b.number(high)) {
            out.add(new Violation(at + "." + low.wireName(), Rule.INVALID, "must be below " + high.wireName()));
        }
    }
}
