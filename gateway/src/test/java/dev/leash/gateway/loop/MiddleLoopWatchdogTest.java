package dev.leash.gateway.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MiddleLoopWatchdogTest {

    private static final Duration INTERVAL = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final AtomicLong lastCompleted = new AtomicLong();
    private final List<String> reports = new ArrayList<>();
    private final MiddleLoopWatchdog watchdog = new MiddleLoopWatchdog(lastCompleted::get, INTERVAL, now::get,
            new MiddleLoopWatchdog.Actions() {
                @Override
                public void stalled(String reason) {
                    reports.add("stalled: " + reason);
                }

                @Override
                public void resumed(String reason) {
                    reports.add("resumed: " + reason);
                }
            });

    private void advance(Duration d) {
        now.addAndGet(d.toMillis());
        watchdog.run();
    }

    @Test
    void reportsAStallOnceAfterThreeIntervalsWithoutACompletedPassAndLiftsItWhenOneCompletes() {
        lastCompleted.set(now.get());
        advance(Duration.ofSeconds(180));
        assertThat(watchdog.stalled()).isFalse();

        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(60));
        assertThat(watchdog.stalled()).isTrue();

        lastCompleted.set(now.get());
        advance(Duration.ofSeconds(1));
        advance(Duration.ofSeconds(1));

        assertThat(watchdog.stalled()).isFalse();
        assertThat(reports).containsExactly(
                "stalled: middle loop stalled: no pass completed for 181 s (more than 3 intervals of 60.0 s);"
                        + " reduce-only until one does",
                "resumed: middle loop passes resumed");
    }

    @Test
    void countsFromStartWhenNoPassEverCompleted() {
        advance(Duration.ofSeconds(179));
        assertThat(reports).isEmpty();

        advance(Duration.ofSeconds(2));

        assertThat(reports).singleElement().asString().startsWith("stalled: middle loop stalled");
    }

    @Test
    void aFailingActionDoesNotStopTheNextCheck() {
        List<Boolean> seen = new ArrayList<>();
        MiddleLoopWatchdog flaky = new MiddleLoopWatchdog(() -> 0, INTERVAL, now::get,
                new MiddleLoopWatchdog.Actions() {
                    @Override
                    public void stalled(String reason) {
                        seen.add(true);
                        throw new IllegalStateException("journal closed");
                    }

                    @Override
                    public void resumed(String reason) {
                        seen.add(false);
                    }
                });
        now.addAndGet(INTERVAL.multipliedBy(4).toMillis());

        flaky.run();
        flaky.run();

        assertThat(seen).containsExactly(true);
        assertThat(flaky.stalled()).isTrue();
    }
}
