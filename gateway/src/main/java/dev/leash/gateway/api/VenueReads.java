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

    private final Venue venue;
    private final LongSupplier clock;
    private Snapshot last;
    private long readAt = Long.MIN_VALUE;

    VenueReads(Venue venue, LongSupplier clock) {
        this.venue = venue;
        this.clock = clock;
    }

    synchronized Snapshot get() throws VenueException {
        long now = clock.getAsLong();
        if (last == null || now - readAt >= TTL_MILLIS) {
            last = new Snapshot(venue.account(), List.copyOf(venue.positions()), List.copyOf(venue.openOrders()));
            readAt = now;
        }
        return last;
    }
}
