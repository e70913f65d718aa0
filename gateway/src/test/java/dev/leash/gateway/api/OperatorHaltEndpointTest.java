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

/** {@code POST /api/trading-mode {"mode": "halted"}}: the operator's flatten-and-stop; the model may not. */
@Timeout(60)
class OperatorHaltEndpointTest {

    private static final String HALT = "{\"mode\": \"halted\", \"rationale\": \"exchange incident; flat and stop\"}";
    private static final Duration SOON = Duration.ofSeconds(20);

    @TempDir
    Path dataDir;

    @Test
    void theOperatorsHaltFlattensStopsAndHoldsUntilTheOperatorResumes() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            Eventually.await("a position opens", SOON, () -> gw.get("/api/positions").json(),
                    p -> p.path("positions").size() > 0);

            Response r = gw.write("POST", "/api/trading-mode", HALT);

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("halted").asBoolean()).isTrue();
            assertThat(r.json().path("author").asText()).isEqualTo("api-tests (gateway-token)");
            JsonNode status = gw.get("/api/state").json().path("trading_status");
            assertThat(status.path("state").asText()).isEqualTo("HALTED");
            assertThat(status.path("causes").get(0).path("cause").asText()).isEqualTo("operator");
            assertThat(status.path("causes").get(0).path("by").asText()).isEqualTo("api-tests (gateway-token)");
            Eventually.await("every position flattened", SOON, () -> gw.get("/api/positions").json(),
                    p -> p.path("positions").isEmpty());

            Response model = gw.modelWrite("POST", "/api/trading-mode",
                    "{\"mode\": \"active\", \"rationale\": \"the model resumes\"}");
            assertThat(model.json().has("operator_halt_lifted")).isFalse();
            assertThat(gw.get("/api/state").json().path("trading_status").path("state").asText())
                    .isEqualTo("HALTED");

            Response resume = gw.write("POST", "/api/trading-mode",
                    "{\"mode\": \"active\", \"rationale\": \"incident over\"}");
            assertThat(resume.status()).as(resume.toString()).isEqualTo(200);
            assertThat(resume.json().path("operator_halt_lifted").asBoolean()).isTrue();
            assertThat(gw.get("/api/state").json().path("trading_status").path("state").asText())
                    .isEqualTo("ACTIVE");
        }
    }

    @Test
    void theModelsTokenMayNotHalt() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            Response r = gw.modelWrite("POST", "/api/trading-mode", HALT);

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().path("detail").asText())
                    .contains("only the operator's token may halt trading");
            assertThat(gw.get("/api/state").json().path("trading_status").path("state").asText())
                    .isEqualTo("ACTIVE");
        }
    }

    @Test
    void aHaltNeedsARationaleAndADryRunChangesNothing() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            Response bare = gw.write("POST", "/api/trading-mode", "{\"mode\": \"halted\"}");
            Response dry = gw.write("POST", "/api/trading-mode",
                    "{\"mode\": \"halted\", \"rationale\": \"what if\", \"dry_run\": true}");

            assertThat(bare.status()).isEqualTo(400);
            assertThat(bare.json().path("detail").asText()).isEqualTo("rationale: required to halt trading");
            assertThat(dry.status()).isEqualTo(200);
            assertThat(dry.json().path("halted").asBoolean()).isFalse();
            assertThat(gw.get("/api/state").json().path("trading_status").path("state").asText())
                    .isEqualTo("ACTIVE");
        }
    }

    @Test
    void staysHaltedAfterARestart() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            assertThat(gw.write("POST", "/api/trading-mode", HALT).status()).isEqualTo(200);
        }
        try (RunningGateway again = RunningGateway.start(dataDir)) {
            JsonNode status = again.get("/api/state").json().path("trading_status");

            assertThat(status.path("state").asText()).isEqualTo("HALTED");
            assertThat(status.path("causes").get(0).path("reason").asText())
                    .isEqualTo("operator api-tests (gateway-token) halted trading: exchange incident; flat and stop");
        }
    }
}
