package dev.leash.gateway.loop;

import dev.leash.gateway.venue.Order;
import dev.leash.gateway.venue.Venue;
import dev.leash.gateway.venue.VenueException;

import java.time.Duration;
import java.time.Instant;

/** The middle loop's cancel of open orders older than the configured age. Middle-loop thread only. */
final class StaleOrders {

    private final Venue venue;
    private final TradeRecorder recorder;
    private final long maxAgeMillis;

    StaleOrders(Venue venue, TradeRecorder recorder, Duration maxAge) {
        this.venue = venue;
        this.recorder = recorder;
        this.maxAgeMillis = maxAge.toMillis();
    }

    /** Cancels the stale open orders at trading time {@code now}; returns how many were cancelled. */
    int cancel(long now) throws VenueException {
        long cutoff = now - maxAgeMillis;
        int n = 0;
        for (Order o : venue.openOrders()) {
            if (o.createdAt() < cutoff && venue.cancel(o.symbol(), o.clientOrderId())) {
                n++;
                recorder.event(now, "order", "cancelled stale order " + o.clientOrderId() + " on " + o.symbol()
                        + " open since " + Instant.ofEpochMilli(o.createdAt()));
            }
        }
        return n;
    }
}
