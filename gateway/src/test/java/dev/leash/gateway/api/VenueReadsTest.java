package dev.leash.gateway.api;

import dev.leash.venue.Account;
import dev.leash.venue.Venue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The API reads the venue's account side at most once a second, however often it is asked. */
class VenueReadsTest {

    @Test
    void readsTheVenueAtMostOncePerTtl() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Venue venue = (Venue) Proxy.newProxyInstance(Venue.class.getClassLoader(), new Class<?>[] {Venue.class},
                (proxy, method, args) -> {
                    calls.incrementAndGet();
                    return switch (method.getName()) {
                        case "account" -> new Account(1_000, 1_000, 1_000, 0);
                        case "positions", "openOrders" -> List.of();
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        AtomicLong now = new AtomicLong(1_000_000);
        VenueReads reads = new VenueReads(venue, now::get);

        VenueReads.Snapshot first = reads.get();
        for (int i = 0; i < 50; i++) {
            now.addAndGet(10);
            assertThat(reads.get()).isSameAs(first);
        }
        assertThat(calls).hasValue(3);

        now.set(1_000_000 + VenueReads.TTL_MILLIS);
        assertThat(reads.get()).isNotSameAs(first);
        assertThat(calls).hasValue(6);
    }
}
