package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The middle loop's cancel of open orders older than the configured age. It cancels only the orders this gateway
 * placed (their client order id has its prefix, {@link OrderIntent#isOwn}); an order a person placed by hand on the
 * same account is reported once and left alone, unless the operator configured {@code cancelManual}. Even then an
 * order without a client order id is left alone: the venue interface cancels by client order id only, and LMEX
 * reads a cancel without one as "cancel everything". Middle-loop thread only.
 */
final class StaleOrders {

    private final Venue venue;
    private final TradeRecorder recorder;
    private final long maxAgeMillis;
    private final boolean cancelManual;
    private final Set<String> reported = new HashSet<>();

    StaleOrders(Venue venue, TradeRecorder recorder, Duration maxAge, boolean cancelManual) {
        this.venue = venue;
        this.recorder = recorder;
        this.maxAgeMillis = maxAge.toMillis();
        this.cancelManual = cancelManual;
    }

    /** Cancels the stale open orders at trading time {@code now}; returns how many were cancelled. */
    int cancel(long now) throws VenueException {
        long cutoff = now - maxAgeMillis;
        int n = 0;
        Set<String> open = new HashSet<>();
        for (Order o : venue.openOrders()) {
            open.add(key(o));
            if (o.createdAt() >= cutoff) {
                continue;
            }
            boolean own = OrderIntent.isOwn(o.clientOrderId());
            if (!own && !cancelManual) {
                report(now, o, "was not placed by this gateway; left alone (loops.cancel_manual_orders is off)");
            } else if (!own && !OrderRequest.isValidClientOrderId(o.clientOrderId())) {
                report(now, o, "was not placed by this gateway and has no client order id to cancel it by; left alone");
            } else if (venue.cancel(o.symbol(), o.clientOrderId())) {
                n++;
                recorder.event(now, "order", "cancelled stale order " + o.clientOrderId() + " on " + o.symbol()
                        + (own ? "" : " (placed by hand)") + " open since " + Instant.ofEpochMilli(o.createdAt()));
            }
        }
        reported.retainAll(open); // forget orders that are gone
        return n;
    }

    private static String key(Order o) {
        return o.clientOrderId() == null || o.clientOrderId().isEmpty() ? "venue id " + o.venueOrderId()
                : o.clientOrderId();
    }

    private void report(long now, Order o, String what) {
        String id = key(o);
        if (reported.add(id)) {
            recorder.event(now, "order", "stale order " + id + " on " + o.symbol() + " (" + o.side() + " " + o.qty()
                    + ", open since " + Instant.ofEpochMilli(o.createdAt()) + ") " + what);
        }
    }
}
