package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.params.AuditEntry;
import dev.leash.params.ParamStore;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A proposal whose body has the wrong shape (an unknown field, a wrong type, an unknown trading mode) is refused
 * with 400 as before, and is also journaled as a rejected proposal with its reason: every proposal reaches the audit
 * journal. A body that is no JSON object is no proposal and is not journaled.
 */
@Timeout(30)
class MalformedProposalJournalTest {

    @TempDir
    static Path dataDir;
    static RunningGateway gw;

    @BeforeAll
    @Timeout(30)
    static void start() throws Exception {
        gw = RunningGateway.start(dataDir);
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private static List<AuditEntry> audit() throws IOException {
        return ParamStore.readAudit(dataDir).entries();
    }

    @Test
    void aProposalWithTheWrongShapeIsRefusedAndJournaledAsRejectedWithItsReason() throws IOException {
        Map<String, String[]> cases = Map.of(
                "force", new String[] {"PUT", "/api/params",
                        "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"sneaky\",\"force\":true}"},
                "changes", new String[] {"PUT", "/api/params", "{\"changes\":[0.5],\"rationale\":\"sneaky\"}"},
                "dry_run", new String[] {"PUT", "/api/params",
                        "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"sneaky\",\"dry_run\":\"yes\"}"},
                "base_version", new String[] {"PUT", "/api/params",
                        "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"sneaky\",\"base_version\":1.5}"},
                "mode", new String[] {"POST", "/api/trading-mode", "{\"mode\":\"yolo\",\"rationale\":\"sneaky\"}"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            byte[] file = Files.readAllBytes(gw.paramsFile());
            int journaled = audit().size();

            Response r = gw.write(c.getValue()[0], c.getValue()[1], c.getValue()[2]);

            assertThat(r.status()).as("%s", r).isEqualTo(400);
            assertThat(Files.readAllBytes(gw.paramsFile())).isEqualTo(file);
            List<AuditEntry> audit = audit();
            assertThat(audit).as(c.getKey()).hasSize(journaled + 1);
            AuditEntry last = audit.get(audit.size() - 1);
            assertThat(last.kind()).isEqualTo(AuditEntry.Kind.PROPOSAL);
            assertThat(last.verdict()).isEqualTo(AuditEntry.Verdict.REJECTED);
            assertThat(last.author()).isEqualTo(RunningGateway.CLIENT + " (gateway-token)");
            assertThat(last.rationale()).isEqualTo("sneaky");
            assertThat(last.reasons()).extracting(Violation::field).containsExactly(c.getKey());
            assertThat(last.reasons().get(0).message()).isEqualTo(r.json().path("detail").asText());
        }
    }

    @Test
    void aBodyThatIsNoJsonObjectIsRefusedAndNotJournaled() throws IOException {
        int journaled = audit().size();
        for (String body : List.of("{\"changes\": ", "[1]", "\"lower please\"", "")) {
            assertThat(gw.write("PUT", "/api/params", body).status()).isEqualTo(400);
        }
        assertThat(audit()).hasSize(journaled);
    }
}
