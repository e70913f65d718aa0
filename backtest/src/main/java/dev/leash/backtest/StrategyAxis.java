package dev.leash.backtest;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.ParamField;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A swept field on params with an explicit strategy: the strategy's numbers that field bounds (the breakout's
 * lookback, the stop-loss and take-profit exits' pct) take the swept value, since the strategy, not the field, is what
 * trades; a field the strategy has no block for changes nothing, and the sweep says so before any run.
 */
final class StrategyAxis {

    private StrategyAxis() {
    }

    /** {@code s} with every number bound by {@code f} set to {@code value}. */
    static StrategySpec apply(StrategySpec s, ParamField f, double value) {
        List<BlockSpec> filters = new ArrayList<>();
        s.filters().forEach(b -> filters.add(set(b, f, value)));
        List<BlockSpec> exits = new ArrayList<>();
        s.exits().forEach(b -> exits.add(set(b, f, value)));
        return new StrategySpec(set(s.entry(), f, value), filters, exits);
    }

    /**
     * Why sweeping {@code f} on params with strategy {@code s} changes nothing, or null when it does something: a
     * field that describes a block (its range bounds a block's number) the strategy does not have.
     */
    static String ineffective(StrategySpec s, ParamField f) {
        List<String> readers = new ArrayList<>();
        for (StrategyField sf : StrategyField.values()) {
            if (sf.boundBy() == f) {
                readers.add(sf.block().wireName() + " " + sf.block().kind().name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (readers.isEmpty() || reads(s.entry(), f) || s.filters().stream().anyMatch(b -> reads(b, f))
                || s.exits().stream().anyMatch(b -> reads(b, f))) {
            return null;
        }
        List<String> exits = new ArrayList<>();
        s.exits().forEach(b -> exits.add(b.block().wireName()));
        return f.wireName() + " changes nothing: the params' strategy (entry " + s.entry().block().wireName()
                + ", exits " + String.join(", ", exits) + ") has no " + String.join(" or ", readers)
                + " for it to move; sweep the strategy's own numbers, or params without a strategy";
    }

    private static boolean reads(BlockSpec b, ParamField f) {
        return b.block().fields().stream().anyMatch(sf -> sf.boundBy() == f);
    }

    private static BlockSpec set(BlockSpec b, ParamField f, double value) {
        Map<StrategyField, Double> numbers = null;
        for (StrategyField sf : b.block().fields()) {
            if (sf.boundBy() == f) {
                if (numbers == null) {
                    numbers = new EnumMap<>(StrategyField.class);
                    numbers.putAll(b.numbers());
                }
                numbers.put(sf, value);
            }
        }
        return numbers == null ? b : new BlockSpec(b.block(), numbers, b.regimes());
    }
}
