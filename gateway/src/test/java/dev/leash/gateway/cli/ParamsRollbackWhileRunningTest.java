package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leash-gateway params rollback N} while the gateway runs: the store is the running gateway's (it holds the
 * lock), so the command asks that gateway's REST API to roll back, with the operator's token.
 */
@Timeout(60)
class ParamsRollbackWhileRunningTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void rollsBackThroughTheRunningGateway() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            JsonNode before = gw.get("/api/params").json().path("params");
            long v1 = before.path("version").asLong();
            assertThat(gw.write("PUT", "/api/params", "{\"changes\": {\"max_position_pct\": "
                    + before.path("max_position_pct").asDouble() / 2 + "}, \"rationale\": \"halve\"}").status())
                    .isEqualTo(200);

            int code = run(Map.of("LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN), "params", "rollback",
                    String.valueOf(v1), "--data-dir", dataDir.toString(), "--url", gw.gateway().baseUrl(),
                    "--rationale", "undo the halving");

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("accepted: version " + (v1 + 2)
                    + " (applied by the running gateway)");
            JsonNode after = gw.get("/api/params").json().path("params");
            assertThat(after.path("version").asLong()).isEqualTo(v1 + 2);
            assertThat(after.path("max_position_pct").asDouble()).isEqualTo(before.path("max_position_pct")
                    .asDouble());
        }
    }

    @Test
    void aRefusedRollbackSaysWhyAndChangesNothing() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            long version = gw.get("/api/params").json().path("params").path("version").asLong();

            int code = run(Map.of("LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN), "params", "rollback", "99",
                    "--data-dir", dataDir.toString(), "--url", gw.gateway().baseUrl());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("rejected:")
                    .contains("version: no accepted version 99");
            assertThat(gw.get("/api/params").json().path("params").path("version").asLong()).isEqualTo(version);
        }
    }

    @Test
    void aWrongTokenIsRefusedWithoutPrintingIt() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            int code = run(Map.of("LEASH_GATEWAY_TOKEN", "not-the-token-0123456789abcdef"), "params", "rollback",
                    "1", "--data-dir", dataDir.toString(), "--url", gw.gateway().baseUrl());

            assertThat(code).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("401")
                    .doesNotContain("not-the-token-0123456789abcdef");
        }
    }
}
