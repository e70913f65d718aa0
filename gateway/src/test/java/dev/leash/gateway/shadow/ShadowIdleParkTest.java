package dev.leash.gateway.shadow;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Between market steps the shadow thread parks instead of blocking (so the inner loop's offer never wakes a sleeping
 * thread), but it does not spin: at speed 60 (a step every 16.7 ms) it wakes a handful of times per step, not 33.
 */
class ShadowIdleParkTest {

    @Test
    void aStepGapOfSpeed60CostsAtMostSixWakeUps() {
        long gap = TimeUnit.MICROSECONDS.toNanos(16_667);
        long parked = 0;
        int wakes = 0;
        while (parked < gap && wakes < ShadowBooks.IDLE_PARKS) {
            parked += ShadowBooks.idleParkNanos(wakes++);
        }

        assertThat(wakes).isLessThanOrEqualTo(6);
    }

    @Test
    void theFirstParkIsShortAndTheParksStillCoverTheIdleWindowBeforeBlocking() {
        long total = 0;
        for (int i = 0; i < ShadowBooks.IDLE_PARKS; i++) {
            total += ShadowBooks.idleParkNanos(i);
        }

        assertThat(ShadowBooks.idleParkNanos(0)).isEqualTo(TimeUnit.MICROSECONDS.toNanos(500));
        assertThat(ShadowBooks.idleParkNanos(ShadowBooks.IDLE_PARKS - 1)).isEqualTo(TimeUnit.MILLISECONDS.toNanos(8));
        assertThat(total).isBetween(TimeUnit.MILLISECONDS.toNanos(50), TimeUnit.MILLISECONDS.toNanos(60));
    }
}
