package dev.leash.gateway.loop;

import dev.leash.engine.Engine;
import dev.leash.engine.FillSink;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderOutcome;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders the venue has not finished with: acknowledged but not (fully) filled, or placed with an unknown outcome
 * (a timeout the adapter could not resolve). Each step asks the venue about them by client order id, delivers
 * new fills to the engine exactly once (a fill counts when the journal first records it), and releases the
 * engine's pending order when the venue reports a final status. An order the venue never shows within
 * {@link #UNSEEN_GIVE_UP_MILLIS} is recorded as failed.
 *
 * <p>The simulated and paper venues fill a market order at their next price, so it waits here like a live venue's
 * until a later step finds it filled. Inner-loop thread only.
 */
final class OrderTracker {

    /** How long an order the venue does not show is looked for before it is given up as never placed. */
    static final long UNSEEN_GIVE_UP_MILLIS = 120_000;

    private final Venue venue;
    private final Engine engine;
    private final TradeRecorder recorder;
    private final Map<String, Tracked> orders = new LinkedHashMap<>();

    private static final class Tracked {
        final OrderIntent intent;
        final long since;
        double filled;

        Tracked(OrderIntent intent, long since) {
            this.intent = intent;
            this.since = since;
        }
    }

    OrderTracker(Venue venue, Engine engine, TradeRecorder recorder) {
        this.venue = venue;
        this.engine = engine;
        this.recorder = recorder;
    }

    /**
     * Delivers what a placement returned, its new fills to {@code fills}; keeps the order when the venue has not
     * finished with it. Returns what became of the order.
     */
    OrderOutcome placed(OrderIntent intent, PlaceResult r, long now, FillSink fills) {
        // Fills first: a crash before the final status leaves the order SENDING, which a restart resolves.
        double filled = deliver(intent, r.fills(), fills);
        recorder.orderPlaced(intent, r);
        if (r.rejected() || !r.order().status().open()) {
            if (r.duplicate() && r.fills().isEmpty()) {
                track(intent, now).filled = 0; // an earlier run placed it: pick its fills up from the venue
                return OrderOutcome.OPEN;
            }
            return r.rejected() ? OrderOutcome.REJECTED : OrderOutcome.DONE;
        }
        track(intent, now).filled = filled;
        return OrderOutcome.OPEN;
    }

    /** A placement whose outcome is unknown: look for it by client order id from the next step on. */
    void unknown(OrderIntent intent, long now) {
        track(intent, now);
    }

    boolean isEmpty() {
        return orders.isEmpty();
    }

    /** True while an order of {@code symbol} is tracked here. */
    boolean tracks(String symbol) {
        for (Tracked t : orders.values()) {
            if (t.intent.symbol().equals(symbol)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Asks the venue about every tracked order; new fills and final statuses go to {@code fills}. Returns the faults
     * met, for the loop's health.
     */
    List<String> poll(long now, FillSink fills) {
        List<String> faults = new ArrayList<>();
        for (Tracked t : new ArrayList<>(orders.values())) {
            try {
                poll(t, now, fills);
            } catch (VenueException e) {
                faults.add("order " + t.intent.clientOrderId() + ": " + e.getMessage());
            }
        }
        return faults;
    }

    private void poll(Tracked t, long now, FillSink fills) throws VenueException {
        OrderIntent intent = t.intent;
        int sym = engine.indexOf(intent.symbol());
        Order o = venue.order(intent.symbol(), intent.clientOrderId());
        if (o == null) {
            if (now - t.since > UNSEEN_GIVE_UP_MILLIS) {
                orders.remove(intent.clientOrderId());
                recorder.orderFailed(intent, "the venue never showed the order; given up after "
                        + UNSEEN_GIVE_UP_MILLIS / 1000 + " s");
                fills.orderDone(sym, intent.clientOrderId());
            }
            return;
        }
        if (o.filledQty() > t.filled) {
            List<Fill> mine = new ArrayList<>();
            for (Fill f : venue.fills(intent.time() - 60_000, now + 60_000)) {
                if (intent.clientOrderId().equals(f.clientOrderId())) {
                    mine.add(f);
                }
            }
            deliver(intent, mine, fills);
            t.filled = o.filledQty();
        }
        if (!o.status().open()) {
            orders.remove(intent.clientOrderId());
            recorder.orderPlaced(intent, new PlaceResult(o, List.of(), false, null));
            fills.orderDone(sym, intent.clientOrderId());
        }
    }

    /** Journals fills and hands the new ones to the engine; returns the quantity they add up to. */
    private double deliver(OrderIntent intent, List<Fill> fills, FillSink sink) {
        int sym = engine.indexOf(intent.symbol());
        double qty = 0;
        for (Fill f : fills) {
            qty += f.qty();
            if (recorder.fill(f, intent.paramsVersion())) {
                sink.filled(sym, f.side().sign() * f.qty(), f.price());
            }
        }
        return qty;
    }

    private Tracked track(OrderIntent intent, long now) {
        return orders.computeIfAbsent(intent.clientOrderId(), id -> new Tracked(intent, now));
    }
}
