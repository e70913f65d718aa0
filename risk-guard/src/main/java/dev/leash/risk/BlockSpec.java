package dev.leash.risk;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One block of a strategy with its numbers (and, for {@link StrategyBlock#REGIME}, its labels). Not necessarily
 * valid: {@link StrategyRules} decides.
 */
public record BlockSpec(StrategyBlock block, Map<StrategyField, Double> numbers, Set<Regime> regimes) {

    public BlockSpec {
        Objects.requireNonNull(block, "block");
        numbers = numbers.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(numbers));
        regimes = regimes.isEmpty() ? Set.of() : java.util.Collections.unmodifiableSet(EnumSet.copyOf(regimes));
    }

    /** A block of numbers only. */
    public static BlockSpec of(StrategyBlock block, Map<StrategyField, Double> numbers) {
        return new BlockSpec(block, numbers, Set.of());
    }

    /** The value of one of this block's numbers; NaN when absent. */
    public double number(StrategyField f) {
        Double v = numbers.get(f);
        return v == null ? Double.NaN : v;
    }
}
