package dev.leash.gateway.loop;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pacer on a manual clock: trading time moves only when the test moves it, whatever the wall clock does. */
class ManualTradingClockTest {

    private static final long STEP = 1_000;

    @Test
    void tradingTimeStandsStillWhileTheWallClockRunsAndMovesExactlyWhereTheTestSetsIt() {
        AtomicLong wall = new AtomicLong(5_000);
        ManualTradingClock clock = new ManualTradingClock();
        Pacer pacer = Pacer.manual(wall::get, clock, 600_000, STEP);

        wall.addAndGet(3_600_000);
        long stood = pacer.now();
        clock.advanceTo(612_000);

        assertThat(stood).isEqualTo(600_000);
        assertThat(pacer.now()).isEqualTo(612_000);
        assertThat(clock.advanceBy(Duration.ofMinutes(5))).isEqualTo(912_000);
        assertThat(pacer.now()).isEqualTo(912_000);
        assertThat(pacer.wallNow()).as("wall time is still the wall's").isEqualTo(3_605_000);
    }

    @Test
    void aLoopAheadOfTheClockLooksAgainSoonAndOneBehindItStepsAtOnce() {
        ManualTradingClock clock = new ManualTradingClock();
        Pacer pacer = Pacer.manual(() -> 0L, clock, 600_000, STEP);

        assertThat(pacer.wallMillisUntil(600_000)).isZero();
        assertThat(pacer.wallMillisUntil(600_000 + 3_600_000)).isEqualTo(Pacer.MANUAL_POLL_MILLIS);
    }

    @Test
    void refusesToGoBackAndKeepsItsTime() {
        ManualTradingClock clock = new ManualTradingClock();
        Pacer.manual(() -> 0L, clock, 600_000, STEP);

        assertThatThrownBy(() -> clock.advanceTo(599_999)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before now");
        assertThat(clock.now()).isEqualTo(600_000);
    }

    @Test
    void aClockThatAlreadyHasATimeKeepsItWhenThePacerStarts() {
        ManualTradingClock clock = new ManualTradingClock();
        clock.startAt(900_000);

        Pacer pacer = Pacer.manual(() -> 0L, clock, 600_000, STEP);

        assertThat(pacer.now()).isEqualTo(900_000);
    }

    @Test
    void anUnstartedClockHasNoTime() {
        assertThatThrownBy(() -> new ManualTradingClock().now()).isInstanceOf(IllegalStateException.class);
    }
}
