package dev.leash.gateway.shadow;

import dev.leash.engine.Engine;
import dev.leash.engine.OrderIntent;

/**
 * What the live engine tracks per symbol beyond its positions, after a step: a shadow started from the live book's
 * state takes it over, so that it trades on exactly as the live book.
 *
 * @param pending        the order in flight with its unfilled quantity (null: none)
 * @param barsSinceEntry closed bars since the held position's entry (its time stop)
 * @param bestPrice      the best price since that entry (its trailing stop; NaN: flat)
 * @param lastEntryBar   the bar of the last entry attempt or exit: no entry follows in it
 */
public record LiveTracking(OrderIntent[] pending, long[] barsSinceEntry, double[] bestPrice, long[] lastEntryBar) {

    /** Nothing tracked: no order in flight, no position, no entry attempt. */
    public static LiveTracking none(int symbols) {
        long[] never = new long[symbols];
        java.util.Arrays.fill(never, Long.MIN_VALUE);
        double[] best = new double[symbols];
        java.util.Arrays.fill(best, Double.NaN);
        return new LiveTracking(new OrderIntent[symbols], new long[symbols], best, never);
    }

    /** The live engine's tracking, {@code pending} its orders in flight. */
    static LiveTracking of(Engine live, OrderIntent[] pending) {
        int n = pending.length;
        long[] bars = new long[n];
        double[] best = new double[n];
        long[] entryBar = new long[n];
        for (int s = 0; s < n; s++) {
            boolean held = live.position(s) != 0;
            bars[s] = held ? live.barsSinceEntry(s) : 0;
            best[s] = held ? live.bestPriceSinceEntry(s) : Double.NaN;
            entryBar[s] = live.lastEntryBar(s);
        }
        return new LiveTracking(pending, bars, best, entryBar);
    }
}
