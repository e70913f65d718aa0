package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.http.VenueHealth;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The venue watch on a manual clock: REDUCE_ONLY at once on a fault, lifted only after a healthy stretch. */
class VenueWatchTest {

    private static final long T0 = 1_704_070_000_000L;
    private static final Duration RECOVERY = Duration.ofMinutes(5);

    private long now = T0;
    private final List<String> verdicts = new ArrayList<>();
    private final List<String> events = new ArrayList<>();
    private final VenueWatch watch = new VenueWatch(RECOVERY, () -> now, new Events(),
            (degraded, reason) -> verdicts.add((degraded ? "REDUCE_ONLY: " : "ACTIVE: ") + reason));

    @Test
    void liftsReduceOnlyOnceTheVenueHasBeenHealthyForTheRecoveryTime() {
        watch.onHealth(health("OPEN", 0));
        now += 30_000;
        watch.onHealth(health("HALF_OPEN", 0));
        now += 1_000;
        watch.onHealth(health("CLOSED", 0));
        now += RECOVERY.toMillis() - 1;
        watch.poll();
        assertThat(verdicts).hasSize(1);

        now += 1;
        watch.poll();

        assertThat(verdicts).containsExactly(
                "REDUCE_ONLY: venue bybit degraded (breaker OPEN; last failure: HTTP 503)",
                "ACTIVE: venue bybit healthy for 300 s (at least 300 s needed); REDUCE_ONLY lifted");
        assertThat(events).last().isEqualTo(
                "venue: venue bybit healthy for 300 s (at least 300 s needed); REDUCE_ONLY lifted");
        assertThat(watch.held()).isFalse();
    }

    @Test
    void anIpBanLiftsOnlyAfterTheBanEndsAndTheRecoveryTimePasses() {
        long banEnd = T0 + 60_000;
        watch.onHealth(health("CLOSED", banEnd));
        assertThat(verdicts).singleElement().asString().startsWith("REDUCE_ONLY: venue bybit degraded (breaker "
                + "CLOSED, IP ban until ");

        now = banEnd + RECOVERY.toMillis() - 1;
        watch.poll();
        assertThat(watch.held()).isTrue();

        now = banEnd + RECOVERY.toMillis();
        watch.poll();
        assertThat(watch.held()).isFalse();
        assertThat(verdicts).hasSize(2);
    }

    @Test
    void aNewFaultDuringRecoveryStartsTheWaitAgain() {
        watch.onHealth(health("OPEN", 0));
        watch.onHealth(health("CLOSED", 0));
        now += 240_000;
        watch.onHealth(health("OPEN", 0));
        now += 60_000;
        watch.poll();
        watch.onHealth(health("CLOSED", 0));
        now += 299_000;
        watch.poll();
        assertThat(watch.held()).isTrue();

        now += 1_000;
        watch.poll();

        assertThat(watch.held()).isFalse();
        assertThat(verdicts).extracting(v -> v.substring(0, v.indexOf(':')))
                .containsExactly("REDUCE_ONLY", "ACTIVE");
    }

    @Test
    void aRestoredReduceOnlyLiftsAfterTheRecoveryTimeWithoutAnyReport() {
        watch.holdRestored("venue bybit degraded (breaker OPEN)");
        now += RECOVERY.toMillis() - 1;
        watch.poll();
        assertThat(watch.held()).isTrue();
        assertThat(verdicts).isEmpty();

        now += 1;
        watch.poll();

        assertThat(verdicts).singleElement().asString().startsWith("ACTIVE: venue healthy for 300 s");
    }

    private static VenueHealth health(String breaker, long bannedUntil) {
        return new VenueHealth("bybit", breaker, bannedUntil, "OPEN".equals(breaker) ? "HTTP 503" : null);
    }

    /** Keeps the journaled events as "kind: message". */
    private final class Events implements TradeRecorder {
        @Override
        public void event(long time, String kind, String message) {
            events.add(kind + ": " + message);
        }

        @Override
        public void orderSending(OrderIntent intent) {
        }

        @Override
        public void orderPlaced(OrderIntent intent, PlaceResult result) {
        }

        @Override
        public void orderFailed(OrderIntent intent, String error) {
        }

        @Override
        public boolean fill(Fill fill, long paramsVersion) {
            return true;
        }

        @Override
        public void equity(long time, Account account) {
        }

        @Override
        public void positions(long time, List<Position> positions) {
        }

        @Override
        public void paramsActive(long version, long tradingTime, long wallTime) {
        }
    }
}
