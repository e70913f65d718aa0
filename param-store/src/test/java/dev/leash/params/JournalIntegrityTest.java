package dev.leash.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit journal as hostile input: a hand-forged accepted entry is refused on open and the last valid version
 * wins; every line carries the hash of the line before it, so an edit is reported; a missing journal does not let
 * a riskier {@code ai_params.json} skip the slow-rise rules.
 */
@Timeout(30)
class JournalIntegrityTest {

    @TempDir
    Path dir;

    private ParamStore open() throws IOException {
        return ParamStore.open(dir, POLICY, BASELINE, T0);
    }

    private Path journalFile() {
        return dir.resolve(ParamStore.AUDIT_FILE);
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(journalFile());
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    /** A store at version 2 (max_position_pct 0.8), closed. */
    private Params versionTwo() throws IOException {
        try (ParamStore store = open()) {
            return store.propose(null, json("{'max_position_pct': 0.8}"), "claude", "calmer", false, minutes(1))
                    .current();
        }
    }

    /** Appends an accepted entry copied from the last line with other params, its hash chained correctly. */
    private void forgeNextVersion(double maxPositionPct, double maxLeverage) throws IOException {
        List<String> lines = lines();
        String last = lines.get(lines.size() - 1);
        ObjectNode entry = (ObjectNode) ParamsJson.MAPPER.readTree(last);
        long version = entry.get("version").asLong() + 1;
        entry.put(AuditLog.PREV_FIELD, AuditLog.sha256(last));
        entry.put("seq", entry.get("seq").asLong() + 1);
        entry.put("at", minutes(30).toString());
        entry.put("base_version", version - 1);
        entry.put("version", version);
        ObjectNode params = (ObjectNode) entry.get("params");
        params.put("version", version);
        params.put("max_position_pct", maxPositionPct);
        params.put("max_leverage", maxLeverage);
        params.put("updated_at", minutes(30).toString());
        Files.writeString(journalFile(), String.join("\n", lines) + "\n" + ParamsJson.compact(entry) + "\n");
    }

    @Test
    void refusesAHandForgedEntryBeyondTheCeilingsAndTheLastValidVersionWins() throws IOException {
        Params v2 = versionTwo();
        forgeNextVersion(50, 20);

        try (ParamStore store = open()) {
            assertThat(store.current()).isEqualTo(v2);
            assertThat(store.openReport()).anySatisfy(p -> assertThat(p)
                    .contains("entry seq 3", "version 3", "refused", "max_position_pct", "max_leverage",
                            "version 2 is the last valid one"));
            assertThat(store.journalProblems()).singleElement().asString().contains("entry seq 3", "refused");

            Params v3 = store.propose(null, json("{'max_position_pct': 0.7}"), "claude", "calmer still", false,
                    minutes(40)).current();

            assertThat(store.audit().entries()).filteredOn(AuditEntry::createdVersion)
                    .extracting(AuditEntry::params).containsExactly(store.history().toArray(Params[]::new))
                    .endsWith(v3).noneMatch(p -> p.maxPositionPct() == 50);
        }
    }

    @Test
    void refusesAForgedEntryThatRisesFasterThanTheSlowRiseRules() throws IOException {
        Params v2 = versionTwo();
        forgeNextVersion(4.0, 2.0);

        try (ParamStore store = open()) {
            assertThat(store.current()).isEqualTo(v2);
            assertThat(store.openReport()).anySatisfy(p -> assertThat(p)
                    .contains("entry seq 3", "refused", "max_position_pct", "per-update limit"));
        }
    }

    @Test
    void everyLineCarriesTheHashOfTheLineBeforeIt() throws IOException {
        versionTwo();
        try (ParamStore store = open()) {
            store.propose(null, json("{'max_position_pct': 0.7}"), "claude", "calmer", true, minutes(2));
            store.propose(null, json("{'max_position_pct': 9}"), "claude", "bolder", false, minutes(3));
        }

        List<String> lines = lines();
        assertThat(lines).hasSize(4);
        String prev = AuditLog.GENESIS;
        for (String line : lines) {
            assertThat(ParamsJson.MAPPER.readTree(line).get(AuditLog.PREV_FIELD).asText()).isEqualTo(prev);
            prev = AuditLog.sha256(line);
        }
        assertThat(ParamStore.readAudit(dir).problems()).isEmpty();
    }

    @Test
    void reportsAnEditedLineAsABrokenChainOnOpenAndInTheAuditLog() throws IOException {
        versionTwo();
        try (ParamStore store = open()) {
            store.propose(null, json("{'max_position_pct': 0.7}"), "claude", "calmer still", false, minutes(2));
        }
        List<String> lines = new ArrayList<>(lines());
        lines.set(1, lines.get(1).replace("\"rationale\":\"calmer\"", "\"rationale\":\"the operator said so\""));
        Files.writeString(journalFile(), String.join("\n", lines) + "\n");

        try (ParamStore store = open()) {
            assertThat(store.current().maxPositionPct()).isEqualTo(0.7);
            assertThat(store.openReport()).singleElement().asString()
                    .contains("hash chain broken at line 3", "changed, removed or inserted");
            assertThat(store.journalProblems()).hasSize(1);
        }
        assertThat(ParamStore.readAudit(dir).problems()).singleElement().asString()
                .contains("hash chain broken at line 3");
    }

    @Test
    void reportsLinesRemovedFromTheStartOfTheJournal() throws IOException {
        versionTwo();
        List<String> lines = lines();
        Files.writeString(journalFile(), lines.get(1) + "\n");

        try (ParamStore store = open()) {
            assertThat(store.openReport()).anySatisfy(p -> assertThat(p)
                    .contains("hash chain broken at line 1", "lines removed"));
        }
    }

    @Test
    void loadsAJournalWrittenBeforeHashChainingAndReportsItAsUnchained() throws IOException {
        Params v2 = versionTwo();
        List<String> legacy = new ArrayList<>();
        for (String line : lines()) {
            ObjectNode o = (ObjectNode) ParamsJson.MAPPER.readTree(line);
            o.remove(AuditLog.PREV_FIELD);
            legacy.add(ParamsJson.compact(o));
        }
        Files.writeString(journalFile(), String.join("\n", legacy) + "\n");

        try (ParamStore store = open()) {
            assertThat(store.current()).isEqualTo(v2);
            assertThat(store.openReport()).singleElement().asString()
                    .contains("first 2 lines were written before hash chaining", "unchained");
            assertThat(store.journalProblems()).isEmpty();
            store.propose(null, json("{'max_position_pct': 0.7}"), "claude", "calmer still", false, minutes(2));
        }
        try (ParamStore store = open()) {
            assertThat(store.current().maxPositionPct()).isEqualTo(0.7);
            assertThat(store.journalProblems()).isEmpty();
        }
    }

    @Test
    void withoutAJournalAFileRiskierThanTheBaselineIsAProposalFromTheBaseline() throws IOException {
        Params v2 = versionTwo();
        ObjectNode edited = ParamsJson.toJson(v2);
        edited.put("version", 9);
        edited.put("max_position_pct", 4.0);
        edited.put("max_leverage", 3.0);
        Files.writeString(dir.resolve(ParamStore.PARAMS_FILE), ParamsJson.compact(edited));
        Files.delete(journalFile());

        try (ParamStore store = open()) {
            assertThat(store.current().sameValuesAs(BASELINE)).isTrue();
            assertThat(store.openReport()).anySatisfy(p -> assertThat(p)
                    .contains("riskier than the baseline", "rejected", "max_position_pct", "per-update limit"));
        }
        List<AuditEntry> entries = ParamStore.readAudit(dir).entries();
        assertThat(entries).extracting(AuditEntry::kind, AuditEntry::verdict).containsExactly(
                org.assertj.core.groups.Tuple.tuple(AuditEntry.Kind.INIT, AuditEntry.Verdict.ACCEPTED),
                org.assertj.core.groups.Tuple.tuple(AuditEntry.Kind.IMPORT, AuditEntry.Verdict.REJECTED));
    }

    @Test
    void withoutAJournalAFileOneStepAboveTheBaselineIsAcceptedAsTheNextVersion() throws IOException {
        Params risky = BASELINE.stamped(5, "ops", "slightly larger", T0);
        ObjectNode doc = ParamsJson.toJson(risky);
        doc.put("max_position_pct", 1.5);
        Files.writeString(dir.resolve(ParamStore.PARAMS_FILE), ParamsJson.compact(doc));

        try (ParamStore store = open()) {
            assertThat(store.current().maxPositionPct()).isEqualTo(1.5);
            assertThat(store.current().version()).isEqualTo(2);
            assertThat(store.history()).hasSize(2);
        }
        try (ParamStore reopened = open()) {
            assertThat(reopened.current().maxPositionPct()).isEqualTo(1.5);
            assertThat(reopened.journalProblems()).isEmpty();
        }
    }
}
