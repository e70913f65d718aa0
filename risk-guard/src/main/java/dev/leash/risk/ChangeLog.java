package dev.leash.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The accepted changes the increase rules look back on, oldest first, whoever made them: the model's cooldown,
 * daily count and drift cap count the operator's increases too, so the model cannot pile its own onto them.
 *
 * @param baselineMaxPositionPct the value of {@code max_position_pct} in effect before the first entry
 * @param baselineSizeMultipliers the size multipliers per symbol in effect before the first entry (a symbol
 *                                absent counts as {@link SymbolParams#DEFAULT_SIZE_MULTIPLIER})
 */
public record ChangeLog(double baselineMaxPositionPct, Map<String, Double> baselineSizeMultipliers,
                        List<Entry> entries) {

    /**
     * One accepted change: when it took effect, whether it raised risk, and the resulting max position and size
     * multipliers (a symbol absent counts as {@link SymbolParams#DEFAULT_SIZE_MULTIPLIER}).
     */
    public record Entry(Instant at, boolean increase, double maxPositionPct, Map<String, Double> sizeMultipliers) {

        public Entry {
            sizeMultipliers = Map.copyOf(sizeMultipliers);
        }

        /** An entry that leaves every size multiplier at the default. */
        public Entry(Instant at, boolean increase, double maxPositionPct) {
            this(at, increase, maxPositionPct, Map.of());
        }
    }

    public ChangeLog {
        baselineSizeMultipliers = Map.copyOf(baselineSizeMultipliers);
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::at));
        entries = List.copyOf(sorted);
    }

    /** A log whose baseline leaves every size multiplier at the default. */
    public ChangeLog(double baselineMaxPositionPct, List<Entry> entries) {
        this(baselineMaxPositionPct, Map.of(), entries);
    }

    /** A log with no accepted changes yet. */
    public static ChangeLog empty(double baselineMaxPositionPct) {
        return new ChangeLog(baselineMaxPositionPct, List.of());
    }

    /** A log with no accepted changes yet, starting from {@code start}. */
    public static ChangeLog empty(Params start) {
        return new ChangeLog(start.maxPositionPct(), multipliers(start), List.of());
    }

    /** Builds the log from consecutive accepted versions, oldest first; the first is the starting point. */
    public static ChangeLog of(List<Params> acceptedVersions) {
        if (acceptedVersions.isEmpty()) {
            throw new IllegalArgumentException("at least the starting version is needed");
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < acceptedVersions.size(); i++) {
            Params prev = acceptedVersions.get(i - 1);
            Params next = acceptedVersions.get(i);
            entries.add(entry(next.updatedAt(), !RiskIncrease.fields(prev, next).isEmpty(), next));
        }
        Params first = acceptedVersions.get(0);
        return new ChangeLog(first.maxPositionPct(), multipliers(first), entries);
    }

    /** The entry of an accepted version {@code p} that took effect at {@code at}. */
    public static Entry entry(Instant at, boolean increase, Params p) {
        return new Entry(at, increase, p.maxPositionPct(), multipliers(p));
    }

    private static Map<String, Double> multipliers(Params p) {
        Map<String, Double> out = new TreeMap<>();
        p.symbols().forEach((symbol, s) -> out.put(symbol, s.sizeMultiplier()));
        return out;
    }

    /** This log with one more accepted change. */
    public ChangeLog plus(Entry entry) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(entry);
        return new ChangeLog(baselineMaxPositionPct, baselineSizeMultipliers, more);
    }

    /** Time of the newest accepted increase, or null. */
    public Instant lastIncrease() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).increase()) {
                return entries.get(i).at();
            }
        }
        return null;
    }

    /** Accepted increases with {@code at} in {@code (from, to]}. */
    public int increasesBetween(Instant from, Instant to) {
        int n = 0;
        for (Entry e : entries) {
            if (e.increase() && e.at().isAfter(from) && !e.at().isAfter(to)) {
                n++;
            }
        }
        return n;
    }

    /** The lowest {@code max_position_pct} in effect at any instant of {@code [from, to]}. */
    public double lowestMaxPositionPctSince(Instant from, double current) {
        double inEffectAtFrom = baselineMaxPositionPct;
        double lowest = current;
        for (Entry e : entries) {
            if (!e.at().isAfter(from)) {
                inEffectAtFrom = e.maxPositionPct();
            } else {
                lowest = Math.min(lowest, e.maxPositionPct());
            }
        }
        return Math.min(lowest, inEffectAtFrom);
    }

    /**
     * The lowest effective exposure of {@code symbol} ({@code max_position_pct x size_multiplier}) in effect at any
     * instant of {@code [from, now]}, in {@link Numbers#effectiveUnits} like {@code currentUnits}.
     */
    public long lowestEffectiveUnitsSince(String symbol, Instant from, long currentUnits) {
        long inEffectAtFrom = Numbers.effectiveUnits(baselineMaxPositionPct, multiplier(baselineSizeMultipliers,
                symbol));
        long lowest = currentUnits;
        for (Entry e : entries) {
            long units = Numbers.effectiveUnits(e.maxPositionPct(), multiplier(e.sizeMultipliers(), symbol));
            if (!e.at().isAfter(from)) {
                inEffectAtFrom = units;
            } else {
                lowest = Math.min(lowest, units);
            }
        }
        return Math.min(lowest, inEffectAtFrom);
    }

    private static double multiplier(Map<String, Double> multipliers, String symbol) {
        Double m = multipliers.get(symbol);
        return m == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : m;
    }
}
