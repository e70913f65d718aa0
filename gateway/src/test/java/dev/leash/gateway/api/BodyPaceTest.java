package dev.leash.gateway.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A body gets two seconds of grace plus a second per 1024 bytes; a dribbler falls behind soon after the grace. */
class BodyPaceTest {

    private static final long MS = 1_000_000L;
    private final BodyPace pace = new BodyPace(1024);

    @Test
    void aSmallBodyWhoseSecondSegmentComesLateIsOnPace() {
        assertThat(pace.tooSlow(300 * MS, 40)).isFalse();
        assertThat(pace.tooSlow(1_900 * MS, 40)).isFalse();
    }

    @Test
    void aLargeBodyGetsASecondPer1024BytesOnTopOfTheGrace() {
        assertThat(pace.tooSlow(11_900 * MS, 10 * 1024)).isFalse();
        assertThat(pace.tooSlow(12_100 * MS, 10 * 1024)).isTrue();
    }

    @Test
    void aDribblerOfOneBytePer500MillisFallsBehindRightAfterTheGrace() {
        assertThat(pace.tooSlow(2_000 * MS, 4)).isFalse();
        assertThat(pace.tooSlow(2_500 * MS, 5)).isTrue();
    }

    @Test
    void refusesANonPositiveRate() {
        assertThatThrownBy(() -> new BodyPace(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
