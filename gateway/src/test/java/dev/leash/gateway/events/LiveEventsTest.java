package dev.leash.gateway.events;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The live stream's ring and queues: resumption by id, gaps, slow clients dropped, never a blocked publisher. */
@Timeout(10)
class LiveEventsTest {

    @Test
    void resumesAfterTheLastEventIdFromTheRing() {
        LiveEvents stream = new LiveEvents(100, 10, 10, 4);
        for (int i = 0; i < 5; i++) {
            stream.publish("decision", "{\"n\":" + i + "}");
        }

        Subscription s = stream.subscribe(102L);

        assertThat(s.gap()).isFalse();
        assertThat(s.replay()).extracting(LiveEvent::id).containsExactly(103L, 104L);
        assertThat(s.replay().get(0).data()).isEqualTo("{\"n\":3}");
    }

    @Test
    void reportsAGapWhenTheLastEventIdLeftTheRingOrIsFromAnotherRun() {
        LiveEvents stream = new LiveEvents(100, 3, 10, 8);
        for (int i = 0; i < 6; i++) {
            stream.publish("fill", "{}"); // ids 100..105, the ring keeps 103..105
        }

        assertThat(stream.subscribe(102L).gap()).isFalse();
        assertThat(stream.subscribe(101L).gap()).isTrue();
        assertThat(stream.subscribe(7L).gap()).isTrue();
        assertThat(stream.subscribe(999_999L).gap()).as("an id from a later run").isTrue();
        assertThat(stream.subscribe(101L).replay()).isEmpty();
    }

    @Test
    void dropsAClientThatFallsBehindWithoutEverBlockingThePublisher() throws Exception {
        LiveEvents stream = new LiveEvents(1, 100, 5, 4);
        Subscription slow = stream.subscribe(null);
        Subscription reader = stream.subscribe(null);

        for (int i = 0; i < 5; i++) {
            stream.publish("decision", "{}");
            assertThat(reader.next(1, TimeUnit.SECONDS)).isNotNull();
        }
        stream.publish("decision", "{}"); // the sixth: the slow client's queue of 5 is full

        assertThat(slow.dropped()).isTrue();
        assertThat(slow.next(1, TimeUnit.MILLISECONDS)).isNull();
        assertThat(reader.dropped()).isFalse();
        assertThat(reader.next(1, TimeUnit.SECONDS).id()).isEqualTo(6);
        assertThat(stream.clients()).isEqualTo(1);
        assertThat(stream.droppedClients()).isEqualTo(1);
    }

    @Test
    void refusesClientsBeyondTheBoundUntilOneLeaves() {
        LiveEvents stream = new LiveEvents(1, 10, 10, 2);
        Subscription first = stream.subscribe(null);
        stream.subscribe(null);

        assertThat(stream.subscribe(null)).isNull();
        first.close();
        assertThat(stream.subscribe(null)).isNotNull();
    }

    @Test
    void closingWakesAWaitingClientAtOnce() throws Exception {
        LiveEvents stream = new LiveEvents(1, 10, 10, 2);
        Subscription s = stream.subscribe(null);
        CompletableFuture<LiveEvent> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return s.next(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        stream.close();

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
        assertThat(s.dropped()).isTrue();
        assertThat(stream.subscribe(null)).isNull();
    }
}
