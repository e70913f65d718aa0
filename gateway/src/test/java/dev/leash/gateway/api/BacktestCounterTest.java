package dev.leash.gateway.api;

import dev.leash.gateway.app.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class BacktestCounterTest {

    private static final Instant T0 = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void countsEachCandidateRunAndForgetsThoseOlderThanADay() {
        MutableClock wall = new MutableClock(T0);
        BacktestCounter counter = new BacktestCounter(wall);

        assertThat(counter.record(1)).isEqualTo(1);
        wall.set(T0.plus(Duration.ofHours(12)));
        assertThat(counter.record(8)).isEqualTo(9);
        wall.set(T0.plus(Duration.ofHours(24)));
        assertThat(counter.record(1)).as("the first run is 24 h old").isEqualTo(9);
        wall.set(T0.plus(Duration.ofHours(37)));
        assertThat(counter.record(1)).isEqualTo(2);
    }

    @Test
    void warnsAboutOverfittingOnlyFromTenBacktestsInADay() {
        assertThat(BacktestCounter.warning(BacktestCounter.WARN_AT - 1)).isNull();
        assertThat(BacktestCounter.warning(BacktestCounter.WARN_AT)).contains("10 backtests", "out_of_sample");
    }
}
