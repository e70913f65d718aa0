package dev.leash.gateway.api;

import dev.leash.venue.Account;
import dev.leash.venue.Order;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * The account, positions and open orders as the API shows them, read from the venue at most once per
 * {@link #TTL_MILLIS}: an outer loop polling the API can never spend a live venue's rate limit, and one
 * {@code /api/state} answer is built from one consistent read. Thread-safe.
 */
final class VenueReads {

    /** How long a read is reused; the outer loop works in minutes, the inner loop never reads through here. */
    static final long TTL_MILLIS = 1_000;

    /** One read of the account side of the venue. */
    record Snapshot(Account account, List<Position> positions, List<Order> openOrders) {
    }

    /** A snapshot and when it was read, published together. */
    private record Timed(Snapshot snapshot, long readAt) {
    }

    private final Venue venue;
    private final LongSupplier clock;
    /** Read without a lock: a fresh snapshot is served to any number of threads at once. */
    private volatile Timed last;

    VenueReads(Venue venue, LongSupplier clock) {
        this.venue = venue;
        this.clock = clock;
    }

    Snapshot get() throws VenueException {
        Timed t = last;
        if (t != null && clock.getAsLong() - t.readAt() < TTL_MILLIS) {
            return t.snapshot();
        }
        synchronized (this) { // one venue read per TTL, however many threads find the snapshot stale
            long now = clock.getAsLong();
            t = last;
            if (t == null || now - t.readAt() >= TTL_MILLIS) {
                t = new Timed(new Snapshot(venue.account(), List.copyOf(venue.positions()),
                        List.copyOf(venue.openOrders())), now);
                last = t;
            }
            return t.snapshot();
        }
    }
}
