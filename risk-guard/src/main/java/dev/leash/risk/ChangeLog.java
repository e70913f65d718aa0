package dev.leash.risk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The accepted changes the increase rules look back on, oldest first.
 *
 * @param baselineMaxPositionPct the value of {@code max_position_pct} in effect before the first entry
 */
public record ChangeLog(double baselineMaxPositionPct, List<Entry> entries) {

    /** One accepted change: when it took effect, whether it raised risk, and the resulting max position. */
    public record Entry(Instant at, boolean increase, double maxPositionPct) {
    }

    public ChangeLog {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::at));
        entries = List.copyOf(sorted);
    }

    /** A log with no accepted changes yet. */
    public static ChangeLog empty(double baselineMaxPositionPct) {
        return new ChangeLog(baselineMaxPositionPct, List.of());
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
            entries.add(new Entry(next.updatedAt(), !RiskIncrease.fields(prev, next).isEmpty(),
                    next.maxPositionPct()));
        }
        return new ChangeLog(acceptedVersions.get(0).maxPositionPct(), entries);
    }

    /** This log with one more accepted change. */
    public ChangeLog plus(Entry entry) {
        List<Entry> more = new ArrayList<>(entries);
        more.add(entry);
        return new ChangeLog(baselineMaxPositionPct, more);
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
}
