package dev.leash.gateway.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The middle loop's "alive" line: once per 5 minutes of wall clock, with equity, positions and state. */
class AliveLineTest {

    private static final long T0 = Instant.parse("2026-12-03T09:00:10Z").toEpochMilli();

    @Test
    void saysEquityOpenPositionsAndTradingStateOnTheFirstPass() {
        assertThat(new AliveLine().due(T0, 10_234.5, 2, "REDUCE_ONLY", 7))
                .hasValue("alive: equity 10234.50, open positions 2, trading REDUCE_ONLY, params version 7");
    }

    @Test
    void anUnknownEquityIsSaidSo() {
        assertThat(new AliveLine().due(T0, Double.NaN, 0, "STARTING", 1)).get().asString()
                .startsWith("alive: equity unknown,");
    }

    @Test
    void appearsOncePerFiveMinutesWhenTheMiddleLoopPassesEveryMinute() {
        AliveLine alive = new AliveLine();
        List<Long> logged = new ArrayList<>();
        for (int minute = 0; minute < 60; minute++) {
            long t = T0 + Duration.ofMinutes(minute).toMillis();
            alive.due(t, 10_000, 0, "ACTIVE", 1).ifPresent(line -> logged.add(t));
        }
        assertThat(logged).hasSize(12);
        for (int i = 1; i < logged.size(); i++) {
            assertThat(logged.get(i) - logged.get(i - 1)).isEqualTo(Duration.ofMinutes(5).toMillis());
        }
    }

    @Test
    void staysQuietBetweenTwoPassesInTheSameWindowEvenIfPassesComeFast() {
        AliveLine alive = new AliveLine();
        assertThat(alive.due(T0, 1, 0, "ACTIVE", 1)).isPresent();
        assertThat(alive.due(T0 + 1_000, 1, 0, "ACTIVE", 1)).isEmpty();
        assertThat(alive.due(T0 + 200_000, 1, 0, "ACTIVE", 1)).isEmpty();
    }
}
