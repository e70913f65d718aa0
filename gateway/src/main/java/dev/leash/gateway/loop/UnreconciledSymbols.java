package dev.leash.gateway.loop;

import dev.leash.engine.Engine;
import dev.leash.engine.SymbolHold;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Symbols whose order-path journal writes failed: each is held reduce-only at once, its position is taken from the
 * venue (the venue is the truth; the engine then guards it with its stop), and it is released only when no write
 * of it is still waiting for the journal and the engine's position matches the venue's. Each move is journaled
 * (once the journal takes writes again). Inner-loop thread only.
 */
final class UnreconciledSymbols {

    private final Venue venue;
    private final Engine engine;
    private final JournalGuard guard;
    private final OrderTracker tracker;
    private final long[] heldSince;
    private final String[] cause;
    private int held;
    private OrderPathHealth.Hold lastResolved;
    private long lastResolvedAt = Long.MIN_VALUE;

    UnreconciledSymbols(Venue venue, Engine engine, JournalGuard guard, OrderTracker tracker) {
        this.venue = venue;
        this.engine = engine;
        this.guard = guard;
        this.tracker = tracker;
        this.heldSince = new long[engine.symbols().size()];
        this.cause = new String[heldSince.length];
        Arrays.fill(heldSince, Long.MIN_VALUE);
    }

    /**
     * One pass at trading time {@code t}: hold new cases, reconcile held ones, release those clear. Returns the
     * venue fault met, or null.
     */
    String step(long t) {
        if (held == 0 && guard.health().ok()) {
            return null;
        }
        List<String> symbols = engine.symbols();
        for (int i = 0; i < symbols.size(); i++) {
            String what = heldSince[i] == Long.MIN_VALUE ? guard.firstQueued(symbols.get(i)) : null;
            if (what != null) {
                hold(i, what, t);
            }
        }
        if (held == 0) {
            return null;
        }
        List<Position> positions;
        try {
            positions = venue.positions();
        } catch (VenueException e) {
            return "positions (reconciling after a journal failure): " + e.getMessage();
        }
        for (int i = 0; i < symbols.size(); i++) {
            if (heldSince[i] != Long.MIN_VALUE && engine.pendingOrder(i) == null && !tracker.tracks(symbols.get(i))) {
                reconcile(i, positions, t);
            }
        }
        return null;
    }

    boolean anyHeld() {
        return held > 0;
    }

    /** The most recent hold released, or null. */
    OrderPathHealth.Hold lastResolved() {
        return lastResolved;
    }

    long lastResolvedAt() {
        return lastResolvedAt;
    }

    /** The symbols held now, for health. */
    List<OrderPathHealth.Hold> holds() {
        List<OrderPathHealth.Hold> out = new ArrayList<>();
        for (int i = 0; i < heldSince.length; i++) {
            if (heldSince[i] != Long.MIN_VALUE) {
                out.add(new OrderPathHealth.Hold(engine.symbols().get(i), "unreconciled", cause[i], heldSince[i]));
            }
        }
        return out;
    }

    private void hold(int i, String what, long t) {
        heldSince[i] = t;
        cause[i] = "journal write failed: " + what;
        held++;
        engine.holdSymbol(i, SymbolHold.UNRECONCILED, true);
        guard.event(t, "order_path", engine.symbols().get(i) + " held reduce-only: " + cause[i]
                + "; kept in memory, reconciling with the venue");
    }

    private void reconcile(int i, List<Position> positions, long t) {
        String symbol = engine.symbols().get(i);
        Position p = null;
        for (Position q : positions) {
            if (q.symbol().equals(symbol)) {
                p = q;
            }
        }
        double venueQty = p == null ? 0 : p.qty();
        double engineQty = engine.position(i);
        boolean entryUnknown = venueQty != 0 && !(engine.entryPrice(i) > 0);
        if (Math.abs(venueQty - engineQty) > 1e-9 * Math.max(1, Math.abs(venueQty)) || entryUnknown) {
            double entry = p == null ? Double.NaN : p.entryPrice();
            engine.setPosition(i, venueQty, entry);
            guard.event(t, "order_path", symbol + " position taken from the venue: " + venueQty + " @ " + entry
                    + " (the engine had " + engineQty + "); its stop is guarded from that entry");
        }
        if (guard.clear(symbol)) {
            engine.holdSymbol(i, SymbolHold.UNRECONCILED, false);
            guard.event(t, "order_path", symbol + " reconciled with the venue and its journal writes caught up after "
                    + (t - heldSince[i]) / 1000 + " s; it may open positions again");
            lastResolved = new OrderPathHealth.Hold(symbol, "unreconciled", cause[i], heldSince[i]);
            lastResolvedAt = t;
            heldSince[i] = Long.MIN_VALUE;
            cause[i] = null;
            held--;
        }
    }
}
