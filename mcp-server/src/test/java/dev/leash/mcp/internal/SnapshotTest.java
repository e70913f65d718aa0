package dev.leash.mcp.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot on a manual clock, with a counting gateway and a generation the test moves. */
class SnapshotTest {

    private static final Duration BOUND = Duration.ofMillis(1_000);

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AtomicLong generation = new AtomicLong(7);
    private final List<String> fetched = new ArrayList<>();
    private int version = 1;
    private int status = 200;
    private final Snapshot snapshot = new Snapshot(this::fetch, generation::get, generation::incrementAndGet,
            clock::get, BOUND, SnapshotStats.NONE);

    private GatewayReply fetch(String path, Map<String, String> query) {
        fetched.add(path + query);
        return GatewayReply.of(status, Json.object().put("version", version));
    }

    private int read() throws GatewayException {
        return snapshot.get("/api/params", Map.of()).body().path("version").asInt();
    }

    private void advance(Duration d) {
        clock.addAndGet(d.toNanos());
    }

    @Test
    void answersFromMemoryWhileNoEventArrivedWithinTheBound() throws Exception {
        read();
        version = 2;
        advance(BOUND);

        assertThat(read()).isEqualTo(1);
        assertThat(fetched).hasSize(1);
    }

    @Test
    void neverAnswersOlderThanTheBoundEvenWithoutAnEvent() throws Exception {
        read();
        version = 2;
        advance(BOUND.plusNanos(1));

        assertThat(read()).isEqualTo(2);
        assertThat(fetched).hasSize(2);
    }

    @Test
    void goesToTheGatewayOnceAnEventArrived() throws Exception {
        read();
        version = 2;
        generation.incrementAndGet();

        assertThat(read()).isEqualTo(2);
    }

    @Test
    void everyReadIsARoundTripWhileTheStreamIsDown() throws Exception {
        generation.set(EventsFollower.DOWN);
        read();
        version = 2;

        assertThat(read()).isEqualTo(2);
        assertThat(read()).isEqualTo(2);
        assertThat(fetched).hasSize(3);
    }

    @Test
    void anAnswerFetchedBeforeTheStreamDroppedIsNotReusedAfterItCameBack() throws Exception {
        read();
        version = 2;
        generation.set(EventsFollower.DOWN);
        generation.set(9); // reconnected: a new generation

        assertThat(read()).isEqualTo(2);
    }

    @Test
    void aWriteOutdatesWhatWasKept() throws Exception {
        read();
        version = 2;
        snapshot.outdate();

        assertThat(read()).isEqualTo(2);
    }

    @Test
    void keepsNoFailedAnswer() throws Exception {
        status = 503;
        read();
        status = 200;
        version = 2;

        assertThat(read()).isEqualTo(2);
    }

    @Test
    void keepsEachQueryApart() throws Exception {
        snapshot.get("/api/trades", Map.of("limit", "5"));
        snapshot.get("/api/trades", Map.of("limit", "6"));
        snapshot.get("/api/trades", Map.of("limit", "5"));

        assertThat(fetched).containsExactly("/api/trades{limit=5}", "/api/trades{limit=6}");
    }

    @Test
    void aZeroBoundMeansEveryReadIsARoundTrip() throws Exception {
        Snapshot off = new Snapshot(this::fetch, generation::get, () -> { }, clock::get, Duration.ZERO,
                SnapshotStats.NONE);
        off.get("/api/params", Map.of());
        off.get("/api/params", Map.of());

        assertThat(fetched).hasSize(2);
    }
}
