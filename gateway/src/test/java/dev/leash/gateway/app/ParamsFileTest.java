package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.params.ParamsJson;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A human editing {@code ai_params.json} while the gateway runs: garbage is reported and trading goes on with the
 * last-known-good version; a valid decrease is picked up by the middle loop and traded on.
 */
@Timeout(60)
class ParamsFileTest {

    /** A middle-loop pass every second. */
    private static final String FAST_MIDDLE_LOOP = "loops:\n  middle_seconds: 1\n";
    private static final Duration A_FEW_PASSES = Duration.ofSeconds(15);

    @TempDir
    Path dataDir;

    /** Replaces the file the way an editor saving atomically does, so no pass reads half a file. */
    private static void overwrite(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".edit");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode params(RunningGateway g) {
        return g.get("/api/params").json();
    }

    private static long newestDecisionVersion(RunningGateway g) {
        return g.get("/api/decisions?limit=1").json().path("decisions").path(0).path("params_version").asLong(-1);
    }

    @Test
    void keepsTradingOnLastKnownGoodWhenTheFileIsGarbageThenPicksUpAValidHandEdit() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir, FAST_MIDDLE_LOOP)) {
            JsonNode good = params(g).path("params");
            long version = good.path("version").asLong();
            long stepsBefore = g.get("/api/health").json().path("inner_loop").path("steps").asLong();

            overwrite(g.paramsFile(), "{\"version\": 7, \"max_position_pct\": ");

            JsonNode reported = Eventually.await("the middle loop reports the garbage", A_FEW_PASSES,
                    () -> params(g), p -> !p.path("reload_problems").isEmpty());
            assertThat(reported.path("reload_problems").get(0).asText())
                    .contains("ai_params.json", "not valid JSON", "keeping last-known-good version " + version);
            assertThat(reported.path("params").path("version").asLong()).isEqualTo(version);
            JsonNode health = g.get("/api/health").json();
            assertThat(health.path("status").asText()).isEqualTo("degraded");
            assertThat(health.path("middle_loop").path("param_problems").get(0).asText()).contains("not valid JSON");
            assertThat(health.path("params_version").asLong()).isEqualTo(version);
            Eventually.await("the inner loop keeps stepping", A_FEW_PASSES,
                    () -> g.get("/api/health").json().path("inner_loop").path("steps").asLong(),
                    steps -> steps > stepsBefore + 1_000);
            assertThat(newestDecisionVersion(g)).isEqualTo(version);

            ObjectNode edit = good.deepCopy();
            edit.put("version", version + 1);
            edit.put("max_position_pct", 0.7);
            edit.put("updated_by", "alice");
            edit.put("rationale", "hand edit: smaller size over the weekend");
            overwrite(g.paramsFile(), ParamsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(edit));

            // The store takes the edit during a middle-loop pass; the pass reports its verdict a moment later.
            JsonNode picked = Eventually.await("the hand edit is accepted and reported", A_FEW_PASSES,
                    () -> params(g), p -> p.path("params").path("version").asLong() == version + 1
                            && p.path("reload_problems").isEmpty());
            assertThat(picked.path("params").path("max_position_pct").asDouble()).isEqualTo(0.7);
            assertThat(picked.path("reload_problems")).isEmpty();
            Eventually.await("decisions are taken under the hand-edited version", A_FEW_PASSES,
                    () -> newestDecisionVersion(g), v -> v == version + 1);
            JsonNode history = g.get("/api/params/history?limit=1").json().path("versions").path(0);
            assertThat(history.path("kind").asText()).isEqualTo("hand_edit");
            assertThat(history.path("author").asText()).isEqualTo("hand-edit:alice");
            assertThat(history.path("rationale").asText()).isEqualTo("hand edit: smaller size over the weekend");
            assertThat(history.path("diff").path("max_position_pct").path("to").asDouble()).isEqualTo(0.7);
            assertThat(Eventually.await("health is ok again", A_FEW_PASSES, () -> g.get("/api/health").json(),
                    h -> "ok".equals(h.path("status").asText())).path("middle_loop").path("param_problems")).isEmpty();
        }
    }

    @Test
    void refusesAHandEditThatRaisesRiskBeyondTheStepAndKeepsTheFileReported() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir, FAST_MIDDLE_LOOP)) {
            JsonNode good = params(g).path("params");
            long version = good.path("version").asLong();
            ObjectNode edit = good.deepCopy();
            edit.put("version", version + 1);
            edit.put("max_position_pct", 4.0);
            edit.put("rationale", "go big");

            overwrite(g.paramsFile(), ParamsJson.MAPPER.writeValueAsString(edit));

            JsonNode reported = Eventually.await("the middle loop reports the rejected edit", A_FEW_PASSES,
                    () -> params(g), p -> !p.path("reload_problems").isEmpty());
            assertThat(reported.path("reload_problems").get(0).asText())
                    .contains("hand edit rejected", "max_position_pct", "keeping last-known-good version " + version);
            assertThat(reported.path("params").path("version").asLong()).isEqualTo(version);
            assertThat(reported.path("params").path("max_position_pct").asDouble())
                    .isEqualTo(good.path("max_position_pct").asDouble());
            assertThat(newestDecisionVersion(g)).isEqualTo(version);
        }
    }
}
