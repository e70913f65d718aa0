package dev.leash.gateway.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.testsupport.Eventually;
import dev.leash.gateway.app.MutableClock;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.loop.TradingStateName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** {@code GET /metrics} on a real gateway parses as Prometheus text and agrees with {@code /api/state}. */
@Timeout(60)
class MetricsEndpointTest {

    private static final Duration TRADES_APPEAR = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private static PrometheusText scrape(RunningGateway gw) {
        Response r = gw.get("/metrics");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/plain; version=0.0.4");
        return PrometheusText.parse(r.body());
    }

    @Test
    void scrapeAgreesWithStateOnEquityParamsVersionAndTradingState() throws Exception {
        MutableClock wall = new MutableClock(Instant.parse("2026-03-02T10:00:00Z")); // simulated time stands still
        try (RunningGateway gw = RunningGateway.start(dataDir, "", RunningGateway.SPEED, wall)) {
            assertThat(gw.write("PUT", "/api/params", "{\"changes\": {\"max_position_pct\": 0.8},"
                    + " \"rationale\": \"halve exposure\"}").status()).isEqualTo(200);
            PrometheusText m = scrape(gw);
            JsonNode state = gw.get("/api/state").json();

            assertThat(m.type("leash_equity_usdt")).isEqualTo("gauge");
            assertThat(m.value("leash_equity_usdt")).isCloseTo(state.get("equity").asDouble(), offset(1e-6));
            assertThat(m.value("leash_params_version")).isEqualTo(state.get("params_version").asDouble());
            String tradingState = state.get("trading_state").asText();
            for (String s : TradingStateName.ALL) {
                assertThat(m.value("leash_trading_state", Map.of("state", s))).as(s)
                        .isEqualTo(s.equals(tradingState) ? 1 : 0);
            }
            for (JsonNode p : state.get("positions")) {
                assertThat(m.value("leash_position", Map.of("symbol", p.get("symbol").asText())))
                        .isEqualTo(p.get("qty").asDouble());
            }
            assertThat(m.value("leash_param_proposals_total",
                    Map.of("kind", "proposal", "verdict", "accepted", "principal", "operator"))).isEqualTo(1);
            assertThat(m.value("leash_venue_breaker_state", Map.of("state", "CLOSED"))).isEqualTo(1);
            assertThat(m.value("leash_venue_degraded")).isZero();
            assertThat(m.value("leash_middle_loop_stalled")).isZero();
            assertThat(m.samples("leash_feed_stale")).hasSize(state.get("health").get("feed").get("symbols").size());
            assertThat(m.type("jvm_memory_used_bytes")).isEqualTo("gauge");
            assertThat(m.type(OrderLatency.NAME)).isEqualTo("histogram");
        }
    }

    @Test
    void tradingStateFollowsAPauseAsStateShowsIt() throws Exception {
        MutableClock wall = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
        try (RunningGateway gw = RunningGateway.start(dataDir, "", RunningGateway.SPEED, wall)) {
            assertThat(gw.write("POST", "/api/trading-mode", "{\"mode\": \"paused\", \"rationale\": \"news\"}")
                    .status()).isEqualTo(200);
            String tradingState = gw.get("/api/state").json().get("trading_state").asText();
            PrometheusText m = scrape(gw);
            assertThat(tradingState).isEqualTo("PAUSED");
            assertThat(m.value("leash_trading_state", Map.of("state", "PAUSED"))).isEqualTo(1);
            assertThat(m.value("leash_trading_state", Map.of("state", "ACTIVE"))).isZero();
            assertThat(m.value("leash_params_version")).isEqualTo(gw.get("/api/state").json()
                    .get("params_version").asDouble());
        }
    }

    @Test
    void countsProposalsByVerdictAndPrincipalAsTheyAreJournaled() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            Map<String, String> rejected = Map.of("kind", "proposal", "verdict", "rejected", "principal", "model");
            assertThat(scrape(gw).value("leash_param_proposals_total", rejected)).isNaN();
            for (int i = 0; i < 2; i++) {
                Response r = gw.modelWrite("PUT", "/api/params", "{\"changes\": {\"max_leverage\": 9},"
                        + " \"rationale\": \"beyond the ceiling\"}");
                assertThat(r.status()).isEqualTo(422);
            }
            assertThat(scrape(gw).value("leash_param_proposals_total", rejected)).isEqualTo(2);
        }
    }

    @Test
    void countsDecisionsAndOrderRoundTripsOfATradingGateway() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            PrometheusText m = Eventually.await("an order's round trip in /metrics", TRADES_APPEAR, () -> scrape(gw),
                    p -> p.sum(OrderLatency.NAME + "_count") > 0);
            assertThat(m.sum("leash_decisions_total")).isPositive();
            assertThat(m.samples("leash_decisions_total")).allSatisfy(s -> {
                assertThat(s.labels()).containsOnlyKeys("action", "reason");
                assertThat(DecisionReason.valueOf(s.labels().get("reason").toUpperCase())).isNotNull();
            });
            assertThat(m.value("leash_middle_loop_last_pass_age_seconds")).isBetween(0.0, 60.0);
            assertThat(m.value("leash_inner_loop_last_step_age_seconds")).isBetween(0.0, 60.0);
            assertThat(m.value("leash_feed_lag_seconds", Map.of("quantile", "0.99"))).isNotNaN();
            double journaled = gw.get("/api/decisions?limit=500").json().get("decisions").size();
            assertThat(m.sum("leash_decisions_total")).isGreaterThanOrEqualTo(Math.min(journaled, 1));
        }
    }
}
