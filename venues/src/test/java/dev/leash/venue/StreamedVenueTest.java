package dev.leash.venue;

import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Pushed tickers and candles are served while fresh and complete; otherwise REST answers. */
class StreamedVenueTest {

    private static final long T0 = 1_767_225_600_000L;
    private final AtomicLong now = new AtomicLong(T0 + 10 * Candle.INTERVAL_MILLIS + 1_000);
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(now.get());
        }
    };
    private SimulatedVenue rest;
    private StreamedVenue venue;

    @BeforeEach
    void venues() throws Exception {
        rest = SimulatedVenue.open(3, SyntheticMarket.DEFAULT_SPECS, 10_000, T0 + 10 * Candle.INTERVAL_MILLIS,
                StateStore.NONE);
        venue = new StreamedVenue(rest, clock);
    }

    @Test
    void freshPushedTickerIsServedAndAStaleOneFallsBackToRest() throws Exception {
        venue.onTicker(new Ticker("BTCUSDT", now.get() - 1_000, 12_345.6, 12_345.6, 12_345.5, 12_345.7, 1));
        assertThat(venue.ticker("BTCUSDT").lastPrice()).isEqualTo(12_345.6);

        now.addAndGet(StreamedVenue.STALE_TICKER_MILLIS + 1);
        assertThat(venue.ticker("BTCUSDT").lastPrice()).isEqualTo(rest.ticker("BTCUSDT").lastPrice());
    }

    @Test
    void candlesComeFromTheStreamOnlyWhenItHoldsEveryBarOfTheWindow() throws Exception {
        long from = T0 + 5 * Candle.INTERVAL_MILLIS;
        long to = T0 + 10 * Candle.INTERVAL_MILLIS;
        List<Candle> fromRest = rest.candles("BTCUSDT", from, to);
        assertThat(fromRest).hasSize(5);
        List<Candle> pushed = fromRest.stream().map(c -> new Candle(c.symbol(), c.openTime(), 1, 2, 0.5, 1.5, 9))
                .toList();
        for (Candle c : pushed.subList(0, 4)) {
            venue.onCandle(c);
        }
        assertThat(venue.candles("BTCUSDT", from, to)).isEqualTo(fromRest); // a gap: REST

        venue.onCandle(pushed.get(4));
        assertThat(venue.candles("BTCUSDT", from, to)).isEqualTo(pushed);
        assertThat(venue.candles("BTCUSDT", from - Candle.INTERVAL_MILLIS, to)).isEqualTo(
                rest.candles("BTCUSDT", from - Candle.INTERVAL_MILLIS, to)); // older than the stream: REST
    }
}
