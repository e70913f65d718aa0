package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/params/rollback}: the operator rolls the parameters back while the gateway runs. */
@Timeout(60)
class RollbackEndpointTest {

    @TempDir
    Path dataDir;

    private static JsonNode params(RunningGateway gw) {
        return gw.get("/api/params").json().path("params");
    }

    @Test
    void theOperatorRollsBackWhileRunningAndTheEngineTradesOnIt() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            JsonNode before = params(gw);
            long v1 = before.path("version").asLong();
            Response change = gw.write("PUT", "/api/params", "{\"changes\": {\"max_position_pct\": "
                    + before.path("max_position_pct").asDouble() / 2 + "}, \"rationale\": \"halve the size\"}");
            assertThat(change.status()).as(change.toString()).isEqualTo(200);

            Response r = gw.write("POST", "/api/params/rollback", "{\"version\": " + v1
                    + ", \"rationale\": \"the halving cost fills\"}");

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("accepted").asBoolean()).isTrue();
            assertThat(r.json().path("version").asLong()).isEqualTo(v1 + 2);
            JsonNode after = params(gw);
            assertThat(after.path("version").asLong()).isEqualTo(v1 + 2);
            assertThat(after.path("max_position_pct").asDouble()).isEqualTo(before.path("max_position_pct")
                    .asDouble());
            Eventually.await("the inner loop trades on the rolled-back version", Duration.ofSeconds(20),
                    () -> gw.gateway().inner().snapshot().paramsVersion(), v -> v == v1 + 2);
            JsonNode history = gw.get("/api/params/history").json();
            assertThat(history.toString()).contains("the halving cost fills");
        }
    }

    @Test
    void theModelsTokenMayNotRollBack() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            long version = params(gw).path("version").asLong();

            Response r = gw.modelWrite("POST", "/api/params/rollback", "{\"version\": " + version
                    + ", \"rationale\": \"back\"}");

            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().path("detail").asText()).startsWith("rollback: only the operator's token may");
            assertThat(params(gw).path("version").asLong()).isEqualTo(version);
        }
    }

    @Test
    void anUnknownVersionIsRejectedAndBadInputIsA400() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            long version = params(gw).path("version").asLong();

            Response unknown = gw.write("POST", "/api/params/rollback", "{\"version\": 99, \"rationale\": \"x\"}");
            Response bare = gw.write("POST", "/api/params/rollback", "{\"version\": " + version + "}");
            Response text = gw.write("POST", "/api/params/rollback", "{\"version\": \"1\", \"rationale\": \"x\"}");

            assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
            assertThat(unknown.json().path("detail").asText()).startsWith("rollback rejected: version: no accepted"
                    + " version 99");
            assertThat(bare.status()).isEqualTo(400);
            assertThat(bare.json().path("detail").asText()).isEqualTo("rationale: required, why the parameters are"
                    + " rolled back");
            assertThat(text.status()).isEqualTo(400);
            assertThat(params(gw).path("version").asLong()).isEqualTo(version);
        }
    }
}
