package dev.leash.gateway.api;

import dev.leash.gateway.journal.EquityPoint;
import dev.leash.gateway.venue.Fill;
import dev.leash.gateway.venue.Side;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PerformanceTest {

    @Test
    void aCloseWhosePnlTheVenueHasNotPublishedYetDoesNotPoisonTheTotals() {
        List<Fill> fills = List.of(
                new Fill("a", "lsh-a", "v", "BTCUSDT", Side.SELL, 1, 100, 0.5, 12.0, 1_000, false),
                new Fill("b", "lsh-b", "v", "BTCUSDT", Side.BUY, 1, 100, 0.5, -4.0, 2_000, false),
                new Fill("c", "lsh-c", "v", "BTCUSDT", Side.SELL, 1, 100, 0.5, Double.NaN, 3_000, false));

        Performance p = Performance.of(fills, List.of(new EquityPoint(0, 1_000, 1_000, 0)));

        assertThat(p.realizedPnl()).isEqualTo(8.0);
        assertThat(p.fees()).isEqualTo(1.5);
        assertThat(p.wins()).isEqualTo(1);
        assertThat(p.losses()).isEqualTo(1);
        assertThat(p.fills()).isEqualTo(3);
    }
}
