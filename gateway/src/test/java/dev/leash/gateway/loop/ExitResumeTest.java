package dev.leash.gateway.loop;

import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry a restart resumes the exits from: the newest fill that opened or grew the position held now. */
class ExitResumeTest {

    private static final long OLDEST = 1_000;

    private static Fill fill(String symbol, Side side, double qty, long time) {
        return new Fill("f" + time, "c" + time, "v" + time, symbol, side, qty, 100, 0, 0, time, false);
    }

    @Test
    void aPositionOpenedByOneFillAndPartlyReducedSinceEnteredAtThatFill() {
        List<Fill> fills = List.of(fill("BTCUSDT", Side.BUY, 2, 5_000), fill("ETHUSDT", Side.SELL, 1, 6_000),
                fill("BTCUSDT", Side.SELL, 0.5, 7_000));

        assertThat(ExitResume.entryTime(fills, "BTCUSDT", 1.5, OLDEST)).isEqualTo(5_000);
    }

    @Test
    void aPositionGrownLaterEnteredAtTheFillThatGrewIt() {
        List<Fill> fills = List.of(fill("BTCUSDT", Side.SELL, 1, 5_000), fill("BTCUSDT", Side.SELL, 1, 8_000));

        assertThat(ExitResume.entryTime(fills, "BTCUSDT", -2, OLDEST)).isEqualTo(8_000);
    }

    @Test
    void aReversedPositionEnteredAtTheFillThatReversedIt() {
        List<Fill> fills = List.of(fill("BTCUSDT", Side.BUY, 1, 5_000), fill("BTCUSDT", Side.SELL, 3, 9_000));

        assertThat(ExitResume.entryTime(fills, "BTCUSDT", -2, OLDEST)).isEqualTo(9_000);
    }

    @Test
    void aPositionWhoseOpeningFillIsOlderThanTheSearchCountsAsEnteredAtItsStart() {
        List<Fill> fills = List.of(fill("BTCUSDT", Side.SELL, 1, 5_000));

        assertThat(ExitResume.entryTime(fills, "BTCUSDT", 1, OLDEST)).isEqualTo(OLDEST);
    }
}
