package dev.leash.journal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The equity points of the last two days in memory, kept in step with the journal's equity table, so the first point
 * of a window is read without the database. Thread-safe; readers never wait for a writer.
 */
final class RecentEquity {

    /** How far behind the newest point a point is kept: twice the longest window asked for. */
    static final long KEEP_MILLIS = 2 * 86_400_000L;

    private final ConcurrentSkipListMap<Long, Double> points = new ConcurrentSkipListMap<>();

    /** Starts from {@code recent}, the journal's points of the last {@link #KEEP_MILLIS} before its newest one. */
    RecentEquity(List<EquityPoint> recent) {
        for (EquityPoint p : recent) {
            points.put(p.time(), p.equity());
        }
    }

    /** Records a point after the journal committed it; recording a time again replaces its point. */
    void record(long time, double equity) {
        points.put(time, equity);
        long newest = points.lastKey();
        points.headMap(newest - KEEP_MILLIS).clear();
    }

    /** The equity of the first point with {@code from <= time <= to}, or NaN when there is none. */
    double firstEquity(long from, long to) {
        Map.Entry<Long, Double> e = points.ceilingEntry(from);
        return e == null || e.getKey() > to ? Double.NaN : e.getValue();
    }
}
