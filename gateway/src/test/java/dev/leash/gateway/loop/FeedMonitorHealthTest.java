package dev.leash.gateway.loop;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feed's health is built once per change (a lag sample, a stale mark) however many readers ask: a busy
 * {@code /api/health} no longer sorts the lag window on every request, and never sees an answer older than the last
 * change.
 */
class FeedMonitorHealthTest {

    private final FeedMonitor feed = new FeedMonitor(List.of("BTCUSDT", "ETHUSDT"), 30_000);

    @Test
    void readersShareOneAnswerUntilTheNextSample() {
        feed.start(0);
        feed.onEvent(0, 1_000);
        feed.sample(0, 1_500);

        FeedHealth first = feed.health();
        assertThat(feed.health()).isSameAs(first);
        assertThat(first.lagMax()).isEqualTo(500);

        feed.sample(0, 4_000);
        FeedHealth next = feed.health();
        assertThat(next).isNotSameAs(first);
        assertThat(next.lagMax()).isEqualTo(3_000);
        assertThat(next.samples()).isEqualTo(2);
    }

    @Test
    void aStaleMarkShowsAtOnce() {
        feed.start(0);
        feed.sample(1, 40_000);
        assertThat(feed.health().symbols().get(1).stale()).isFalse();

        feed.markStale(1, 30_000);

        assertThat(feed.health().symbols().get(1).stale()).isTrue();
        assertThat(feed.health().symbols().get(1).staleSince()).isEqualTo(30_000);
        feed.markStale(1, Long.MIN_VALUE);
        assertThat(feed.health().symbols().get(1).stale()).isFalse();
    }
}
