package dev.leash.gateway.shadow;

import dev.leash.engine.Engine;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.SymbolBias;

import java.util.Arrays;

/**
 * What the live engine tracks per symbol beyond its positions, after a step: a shadow started from the live book's
 * state takes it over, so that it trades on exactly as the live book; and the side vetoes in force, which every
 * shadow but the baseline follows step by step.
 *
 * @param pending        the order in flight with its unfilled quantity (null: none)
 * @param barsSinceEntry closed bars since the held position's entry (its time stop)
 * @param bestPrice      the best price since that entry (its trailing stop; NaN: flat)
 * @param lastEntryBar   the bar of the last entry attempt or exit: no entry follows in it
 * @param veto           the side veto in force in the step (null: none)
 * @param vetoUntil      the trading time at which that veto lapses (exclusive; 0 without a veto)
 */
public record LiveTracking(OrderIntent[] pending, long[] barsSinceEntry, double[] bestPrice, long[] lastEntryBar,
                           SymbolBias[] veto, long[] vetoUntil) {

    /** Tracking without vetoes. */
    public LiveTracking(OrderIntent[] pending, long[] barsSinceEntry, double[] bestPrice, long[] lastEntryBar) {
        this(pending, barsSinceEntry, bestPrice, lastEntryBar, new SymbolBias[pending.length],
                new long[pending.length]);
    }

    /** Nothing tracked: no order in flight, no position, no entry attempt, no veto. */
    public static LiveTracking none(int symbols) {
        return vetoesOnly(new SymbolBias[symbols], new long[symbols]);
    }

    /** Nothing tracked but the vetoes in force (a step read back from the journal). */
    static LiveTracking vetoesOnly(SymbolBias[] veto, long[] vetoUntil) {
        int symbols = veto.length;
        long[] never = new long[symbols];
        Arrays.fill(never, Long.MIN_VALUE);
        double[] best = new double[symbols];
        Arrays.fill(best, Double.NaN);
        return new LiveTracking(new OrderIntent[symbols], new long[symbols], best, never, veto, vetoUntil);
    }

    /**
     * The live engine's tracking after the step at trading time {@code t}, {@code pending} its orders in flight. The
     * vetoes rarely change: when they are those of {@code previous} (null: none yet), its arrays are shared, never
     * written after they are built.
     */
    static LiveTracking of(Engine live, OrderIntent[] pending, long t, LiveTracking previous) {
        int n = pending.length;
        long[] bars = new long[n];
        double[] best = new double[n];
        long[] entryBar = new long[n];
        boolean sameVetoes = previous != null;
        for (int s = 0; s < n; s++) {
            boolean held = live.position(s) != 0;
            bars[s] = held ? live.barsSinceEntry(s) : 0;
            best[s] = held ? live.bestPriceSinceEntry(s) : Double.NaN;
            entryBar[s] = live.lastEntryBar(s);
            if (sameVetoes) {
                SymbolBias v = live.bias(s, t);
                sameVetoes = v == previous.veto[s] && (v == null || live.biasUntil(s) == previous.vetoUntil[s]);
            }
        }
        if (sameVetoes) {
            return new LiveTracking(pending, bars, best, entryBar, previous.veto, previous.vetoUntil);
        }
        SymbolBias[] veto = new SymbolBias[n];
        long[] until = new long[n];
        for (int s = 0; s < n; s++) {
            veto[s] = live.bias(s, t);
            until[s] = veto[s] == null ? 0 : live.biasUntil(s);
        }
        return new LiveTracking(pending, bars, best, entryBar, veto, until);
    }
}
