package dev.leash.gateway.api;

import dev.leash.journal.EquityPoint;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Live performance scores trades as backtests do: by their P&L net of fees. */
class PerformanceTest {

    private static final List<EquityPoint> CURVE = List.of(new EquityPoint(0, 1_000, 1_000, 0));

    @Test
    void aTradeWinsOnlyWhenItsPnlNetOfBothFeesIsPositiveAsInBacktests() {
        List<Fill> fills = List.of(fill("o", "BTCUSDT", Side.BUY, 0.5, 0, 1_000),
                fill("c", "BTCUSDT", Side.SELL, 0.5, 0.4, 2_000));

        Performance p = Performance.of(fills, CURVE);

        assertThat(p.closedTrades()).isEqualTo(1);
        assertThat(p.wins()).isZero();
        assertThat(p.losses()).isEqualTo(1);
        assertThat(p.profitFactor()).isZero();
    }

    @Test
    void aTradeOpenedBeforeTheWindowIsScoredByTheFeesAndPnlInsideIt() {
        Performance p = Performance.of(List.of(fill("c", "BTCUSDT", Side.SELL, 0.5, 3.0, 2_000)),
                Map.of("BTCUSDT", 1.0), CURVE);

        assertThat(p.closedTrades()).isEqualTo(1);
        assertThat(p.wins()).isEqualTo(1);
        assertThat(p.grossProfit()).isEqualTo(2.5);
    }

    @Test
    void aCloseWhosePnlTheVenueHasNotPublishedYetDoesNotPoisonTheTotals() {
        List<Fill> fills = List.of(fill("a", "BTCUSDT", Side.BUY, 0.5, 0, 1_000),
                fill("b", "ETHUSDT", Side.SELL, 0.5, 0, 1_500),
                fill("c", "BTCUSDT", Side.SELL, 0.5, Double.NaN, 2_000),
                fill("d", "ETHUSDT", Side.BUY, 0.5, 12.0, 2_500));

        Performance p = Performance.of(fills, CURVE);

        assertThat(p.realizedPnl()).isEqualTo(12.0);
        assertThat(p.fees()).isEqualTo(2.0);
        assertThat(p.pendingFills()).isEqualTo(1);
        assertThat(p.closedTrades()).isEqualTo(2);
        assertThat(p.wins()).isEqualTo(1);
        assertThat(p.fills()).isEqualTo(4);
    }

    private static Fill fill(String id, String symbol, Side side, double fee, double pnl, long time) {
        return new Fill(id, "lsh-" + id, "v-" + id, symbol, side, 1, 100, fee, pnl, time, false);
    }
}
