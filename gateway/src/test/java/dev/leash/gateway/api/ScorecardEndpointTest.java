package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.testsupport.Eventually;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/scorecard}: the baseline shadow from the start, an incumbent shadow for each accepted change. */
@Timeout(60)
class ScorecardEndpointTest {

    @TempDir
    Path dataDir;

    @Test
    void anAcceptedChangeAppearsWithItsIncumbentShadowAndNoVerdictBeforeTheMinimumOfTrades() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir, "shadows:\n  min_trades: 100000\n")) {
            JsonNode first = Eventually.await("a scorecard with the baseline shadow", Duration.ofSeconds(20),
                    () -> gw.get("/api/scorecard").json(), n -> n.path("enabled").asBoolean());
            assertThat(first.path("shadows").get(0).path("name").asText()).isEqualTo("baseline");
            assertThat(first.path("vs_baseline").path("verdict").asText()).isEqualTo("insufficient evidence");
            assertThat(first.path("vs_baseline").has("difference")).isFalse();
            assertThat(first.path("summary").asText()).contains("No change by the model in the last 7d")
                    .contains("insufficient evidence");
            long before = gw.get("/api/params").json().path("params").path("version").asLong();

            Response put = gw.write("PUT", "/api/params",
                    "{\"changes\": {\"stop_loss_pct\": 1.9}, \"rationale\": \"scorecard test\"}");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            long after = put.json().path("version").asLong();

            JsonNode card = Eventually.await("the change on the scorecard", Duration.ofSeconds(20),
                    () -> gw.get("/api/scorecard").json(), n -> n.path("changes").size() == 1
                            && n.path("shadows").toString().contains("live-params v" + after));
            JsonNode change = card.path("changes").get(0);
            assertThat(change.path("from_version").asLong()).isEqualTo(before);
            assertThat(change.path("to_version").asLong()).isEqualTo(after);
            assertThat(change.path("open").asBoolean()).isTrue();
            assertThat(change.path("by").asText()).isEqualTo("operator");
            assertThat(change.path("strategy_effect").path("book").asText()).isEqualTo("live-params v" + after);
            assertThat(change.path("strategy_effect").path("against").asText()).isEqualTo("incumbent v" + before);
            assertThat(change.path("strategy_effect").path("verdict").asText()).isEqualTo("insufficient evidence");
            assertThat(change.path("strategy_effect").has("difference")).isFalse();
            assertThat(change.path("execution_effect").path("book").asText()).isEqualTo("live");
            assertThat(change.path("execution_effect").path("against").asText()).isEqualTo("live-params v" + after);
            assertThat(change.path("vs_baseline").path("against").asText()).isEqualTo("baseline");
            assertThat(card.path("shadows")).extracting(n -> n.path("name").asText())
                    .containsExactly("baseline", "incumbent v" + before, "live-params v" + after,
                            "live-params v" + before);
            assertThat(card.path("summary").asText())
                    .startsWith("No change by the model in the last 7d (and 1 by the operator, not counted)");
        }
    }

    @Test
    void anIncumbentRetiresAtItsHorizonAndItsFinalFiguresAreJournaled() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir, "shadows:\n  incumbent_horizon_hours: 1\n")) {
            Eventually.await("the baseline shadow", Duration.ofSeconds(20),
                    () -> gw.get("/api/scorecard").json(), n -> n.path("enabled").asBoolean());
            Response put = gw.write("PUT", "/api/params",
                    "{\"changes\": {\"stop_loss_pct\": 1.9}, \"rationale\": \"horizon test\"}");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);

            JsonNode card = Eventually.await("the change closed by its incumbent's horizon", Duration.ofSeconds(30),
                    () -> gw.get("/api/scorecard").json(),
                    n -> n.path("changes").size() == 1 && !n.path("changes").get(0).path("open").asBoolean());
            JsonNode retired = null;
            for (JsonNode s : card.path("shadows")) {
                if (s.path("name").asText().startsWith("incumbent")) {
                    retired = s;
                }
            }
            assertThat(retired).isNotNull();
            assertThat(retired.path("active").asBoolean()).isFalse();
            assertThat(retired.path("flags")).extracting(JsonNode::asText).contains("horizon reached");
            var events = Eventually.await("the retirement in the journal", Duration.ofSeconds(10),
                    () -> gw.gateway().journal().events("shadow", 10), e -> !e.isEmpty());
            assertThat(events.get(0).message()).startsWith("shadow " + retired.path("name").asText())
                    .contains("retired, horizon reached").contains("net P&L").contains("closed trades");
        }
    }

    @Test
    void withShadowsOffTheScorecardSaysSoPlainly() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir, "shadows:\n  enabled: false\n")) {
            Response r = gw.get("/api/scorecard");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("enabled").asBoolean()).isFalse();
            assertThat(r.json().path("summary").asText()).contains("shadow books are off");
            assertThat(gw.get("/api/scorecard?window=7d").status()).isEqualTo(200);
        }
    }

    @Test
    void aWindowOtherThan24hSevenOrThirtyDaysIsAClear400() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir, "")) {
            Response r = gw.get("/api/scorecard?window=2d");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.toString()).contains("window must be one of [24h, 7d, 30d]");
            assertThat(gw.get("/api/scorecard?compact=maybe").status()).isEqualTo(400);
            assertThat(gw.get("/api/scorecard?span=7d").status()).isEqualTo(400);
            assertThat(gw.get("/api/scorecard?window=30d").status()).isEqualTo(200);
        }
    }
}
