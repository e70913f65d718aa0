package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.params.ParamStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A tampered audit journal is reported in {@code /api/health}, and the gateway still starts and trades. */
@Timeout(60)
class JournalHealthTest {

    @TempDir
    Path dataDir;

    @Test
    void anEditedJournalLineIsReportedInHealthAfterARestart() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir)) {
            RunningGateway.Response r = g.write("PUT", "/api/params",
                    "{\"changes\": {\"max_position_pct\": 0.8}, \"rationale\": \"calmer\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        Path journal = dataDir.resolve(ParamStore.AUDIT_FILE);
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.set(0, lines.get(0).replace("\"rationale\":\"baseline\"", "\"rationale\":\"rewritten\""));
        Files.writeString(journal, String.join("\n", lines) + "\n");

        try (RunningGateway g = RunningGateway.start(dataDir)) {
            JsonNode health = g.get("/api/health").json();

            assertThat(health.path("journal_problems")).singleElement().satisfies(p -> assertThat(p.asText())
                    .contains("hash chain broken at line 2"));
            assertThat(health.path("status").asText()).isIn("degraded", "down");
            assertThat(health.path("params_version").asLong()).isEqualTo(2);
        }
    }
}
