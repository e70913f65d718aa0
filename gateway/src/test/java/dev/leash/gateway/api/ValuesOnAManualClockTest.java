package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST reads on a manual trading clock: after a known number of bars the answers carry the simulated venue's
 * own positions, fills and P&L, and a second run with the same seed answers byte for byte the same.
 */
@Timeout(180)
class ValuesOnAManualClockTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final int BARS = 288;

    private static JsonNode ok(RunningGateway gw, String pathAndQuery) {
        Response r = gw.get(pathAndQuery);
        assertThat(r.status()).as("%s -> %s", pathAndQuery, r).isEqualTo(200);
        return r.json();
    }

    private static RunningGateway runFor(Path dir, int bars) throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        RunningGateway gw = RunningGateway.startManual(dir, WALL, clock);
        gw.advanceTo(clock, clock.now() + bars * Candle.INTERVAL_MILLIS);
        return gw;
    }

    @Test
    void tradesPositionsAndPnlAreTheSimulatedVenuesAfterADayOfBars(@TempDir Path dir) throws Exception {
        try (RunningGateway gw = runFor(dir, BARS)) {
            Venue venue = gw.gateway().venue();
            List<Fill> fills = venue.fills(0, Long.MAX_VALUE);
            List<Position> positions = venue.positions();

            JsonNode trades = ok(gw, "/api/trades?limit=500");
            JsonNode open = ok(gw, "/api/positions").path("positions");
            JsonNode perf = ok(gw, "/api/performance?window=all");

            assertThat(fills).as("a day of breakouts trades").hasSizeGreaterThan(2);
            assertThat(trades.path("count").asInt()).isEqualTo(fills.size());
            Map<String, JsonNode> byId = new HashMap<>();
            trades.path("trades").forEach(t -> byId.put(t.path("fill_id").asText(), t));
            double pnl = 0;
            double fees = 0;
            for (Fill f : fills) {
                JsonNode t = byId.get(f.fillId());
                assertThat(t).as("fill %s over REST", f.fillId()).isNotNull();
                assertThat(t.path("symbol").asText()).isEqualTo(f.symbol());
                assertThat(t.path("side").asText()).isEqualTo(f.side().name().toLowerCase(Locale.ROOT));
                assertThat(t.path("client_order_id").asText()).isEqualTo(f.clientOrderId()).startsWith("lsh-");
                assertThat(t.path("qty").asDouble()).isEqualTo(Json.round(f.qty()));
                assertThat(t.path("price").asDouble()).isEqualTo(Json.round(f.price()));
                assertThat(t.path("fee").asDouble()).isEqualTo(Json.round(-f.fee()));
                assertThat(t.path("realized_pnl").asDouble()).isEqualTo(Json.round(f.realizedPnl()));
                assertThat(Instant.parse(t.path("time").asText()).toEpochMilli()).isEqualTo(f.time());
                pnl += f.realizedPnl();
                fees += f.fee();
            }
            assertThat(open).hasSize(positions.size());
            for (int i = 0; i < positions.size(); i++) {
                Position p = positions.get(i);
                JsonNode n = open.get(i);
                assertThat(n.path("symbol").asText()).isEqualTo(p.symbol());
                assertThat(n.path("side").asText()).isEqualTo(p.qty() > 0 ? "long" : "short");
                assertThat(n.path("qty").asDouble()).isEqualTo(Json.round(Math.abs(p.qty())));
                assertThat(n.path("entry_price").asDouble()).isEqualTo(Json.round(p.entryPrice()));
                assertThat(n.path("unrealized_pnl").asDouble()).isEqualTo(Json.round(p.unrealizedPnl()));
            }
            assertThat(perf.path("fills").asInt()).isEqualTo(fills.size());
            assertThat(perf.path("realized_pnl").asDouble()).isEqualTo(Json.round(pnl));
            assertThat(perf.path("fees").asDouble()).isEqualTo(Json.round(0.0 - fees));
            assertThat(perf.path("net_pnl").asDouble()).isEqualTo(Json.round(pnl - fees));
        }
    }

    @Test
    void theLastBarsDecisionsNameTheVenuesPositions(@TempDir Path dir) throws Exception {
        try (RunningGateway gw = runFor(dir, BARS)) {
            long end = gw.gateway().tradingTime();
            Map<String, Position> bySymbol = new HashMap<>();
            gw.gateway().venue().positions().forEach(p -> bySymbol.put(p.symbol(), p));

            JsonNode decisions = ok(gw, "/api/decisions?limit=3").path("decisions");

            assertThat(decisions).hasSize(3);
            assertThat(decisions.findValuesAsText("symbol")).containsExactlyInAnyOrderElementsOf(
                    gw.gateway().venue().symbols());
            for (JsonNode d : decisions) {
                assertThat(Instant.parse(d.path("time").asText()).toEpochMilli()).isEqualTo(end);
                Position p = bySymbol.get(d.path("symbol").asText());
                if (p != null && d.path("action").asText().equals("HOLD")) {
                    assertThat(d.path("reason").asText()).startsWith((p.qty() > 0 ? "long " : "short ")
                            + Math.abs(p.qty()) + " from " + p.entryPrice() + ";");
                }
            }
        }
    }

    @Test
    void aSecondRunWithTheSameSeedSteppedBarByBarAnswersByteForByteTheSame(@TempDir Path dir) throws Exception {
        List<String> reads = List.of("/api/decisions?limit=500", "/api/trades?limit=500", "/api/positions",
                "/api/performance?window=all", "/api/orders?status=all&limit=500");
        Map<String, String> jumped = new HashMap<>();
        try (RunningGateway gw = runFor(dir.resolve("jump"), BARS / 2)) {
            reads.forEach(r -> jumped.put(r, gw.get(r).body()));
        }
        ManualTradingClock clock = new ManualTradingClock();
        try (RunningGateway gw = RunningGateway.startManual(dir.resolve("bars"), WALL, clock)) {
            for (int bar = 0; bar < BARS / 2; bar++) {
                gw.advanceTo(clock, clock.now() + Candle.INTERVAL_MILLIS);
            }
            assertThat(ok(gw, "/api/trades?limit=500").path("count").asInt()).as("trades to compare").isPositive();
            for (String r : reads) {
                assertThat(gw.get(r).body()).as(r).isEqualTo(jumped.get(r));
            }
        }
    }

    @Test
    void anAcceptedProposalGovernsEveryDecisionFromTheNextBarCloseOnAndNoneBefore(@TempDir Path dir) throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        try (RunningGateway gw = RunningGateway.startManual(dir, WALL, clock)) {
            long accepted = clock.now() + 12 * Candle.INTERVAL_MILLIS;
            gw.advanceTo(clock, accepted);
            double lower = ok(gw, "/api/params").path("params").path("max_position_pct").asDouble() / 2;
            Response put = gw.write("PUT", "/api/params", "{\"changes\":{\"max_position_pct\":" + lower
                    + "},\"rationale\":\"halve exposure between two bars\"}");
            assertThat(put.status()).as("%s", put).isEqualTo(200);
            long v = put.json().path("version").asLong();

            gw.advanceTo(clock, accepted + 3 * Candle.INTERVAL_MILLIS);
            JsonNode decisions = ok(gw, "/api/decisions?limit=500").path("decisions");

            Map<Long, List<String>> after = new HashMap<>();
            for (JsonNode d : decisions) {
                long t = Instant.parse(d.path("time").asText()).toEpochMilli();
                assertThat(d.path("params_version").asLong()).as("decision at %s", d.path("time").asText())
                        .isEqualTo(t <= accepted ? v - 1 : v);
                if (t > accepted) {
                    after.computeIfAbsent(t, k -> new ArrayList<>()).add(d.path("symbol").asText());
                }
            }
            for (int bar = 1; bar <= 3; bar++) {
                assertThat(after.get(accepted + bar * Candle.INTERVAL_MILLIS)).as("bar %d after the change", bar)
                        .containsExactlyInAnyOrderElementsOf(gw.gateway().venue().symbols());
            }
        }
    }
}
