package dev.leash.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;
import dev.leash.risk.Rule;
import dev.leash.risk.Violation;
import dev.leash.testsupport.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@Timeout(30)
class ParamStoreTest {

    private static final String AUTHOR = "claude";
    private static final String WHY = "volatility fell";

    @TempDir
    Path dir;

    private ParamStore open() throws IOException {
        return ParamStore.open(dir, POLICY, BASELINE, T0);
    }

    private static WriteResult propose(ParamStore store, String changes, Instant at) throws IOException {
        return store.propose(null, json(changes), AUTHOR, WHY, false, at);
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private Path file() {
        return dir.resolve(ParamStore.PARAMS_FILE);
    }

    private byte[] fileBytes() throws IOException {
        return Files.readAllBytes(file());
    }

    private String fileText() throws IOException {
        return Files.readString(file());
    }

    private List<AuditEntry> journal() throws IOException {
        AuditLog log = ParamStore.readAudit(dir);
        assertThat(log.problems()).isEmpty();
        return log.entries();
    }

    private AuditEntry lastEntry() throws IOException {
        List<AuditEntry> entries = journal();
        return entries.get(entries.size() - 1);
    }

    private void writeFile(String text) throws IOException {
        Files.writeString(file(), text);
    }

    /** The current file with some values edited by hand, as a person would save it. */
    private String handEdit(Params current, String field, double value) {
        ObjectNode doc = ParamsJson.toJson(current);
        doc.put(field, value);
        doc.put("updated_by", "alice");
        doc.put("rationale", "edited by hand");
        return ParamsJson.compact(doc);
    }

    // --- opening and writing ---

    @Test
    void opensEmptyDirectoryWithBaselineAsVersionOneAndJournalsInit() throws IOException {
        try (ParamStore store = open()) {
            assertThat(store.current().version()).isEqualTo(1);
            assertThat(store.current().sameValuesAs(BASELINE)).isTrue();
            assertThat(store.openReport()).isEmpty();
            assertThat(fileText()).isEqualTo(ParamsJson.toText(store.current()));
            assertThat(store.history()).containsExactly(store.current());
        }
        assertThat(journal()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditEntry.Kind.INIT);
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.ACCEPTED);
            assertThat(e.seq()).isEqualTo(1);
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.params().sameValuesAs(BASELINE)).isTrue();
        });
    }

    @Test
    void acceptedProposalIsDurableAcrossReopen() throws IOException {
        Params accepted;
        try (ParamStore store = open()) {
            WriteResult r = store.propose(1L, json("{'max_position_pct': 0.8}"), AUTHOR, WHY, false, minutes(1));
            assertThat(r.accepted()).isTrue();
            accepted = r.current();
            assertThat(accepted.version()).isEqualTo(2);
            assertThat(accepted.updatedBy()).isEqualTo(AUTHOR);
            assertThat(accepted.rationale()).isEqualTo(WHY);
            assertThat(accepted.updatedAt()).isEqualTo(minutes(1));
            assertThat(r.diff()).extracting(FieldChange::field).containsExactly("max_position_pct");
            assertThat(fileText()).isEqualTo(ParamsJson.toText(accepted));
        }
        try (ParamStore reopened = open()) {
            assertThat(reopened.current()).isEqualTo(accepted);
            assertThat(reopened.openReport()).isEmpty();
            assertThat(reopened.history()).extracting(Params::version).containsExactly(1L, 2L);
            assertThat(fileText()).isEqualTo(ParamsJson.toText(accepted));
        }
        assertThat(lastEntry()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditEntry.Kind.PROPOSAL);
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.ACCEPTED);
            assertThat(e.baseVersion()).isEqualTo(1);
            assertThat(e.expectedVersion()).isEqualTo(1L);
            assertThat(e.params()).isEqualTo(accepted);
            assertThat(e.diff()).singleElement().satisfies(d -> {
                assertThat(d.from().doubleValue()).isEqualTo(1.0);
                assertThat(d.to().doubleValue()).isEqualTo(0.8);
            });
        });
    }

    @Test
    void rejectedProposalChangesNothingOnDiskButIsJournaled() throws IOException {
        try (ParamStore store = open()) {
            byte[] before = fileBytes();

            WriteResult r = propose(store, "{'max_position_pct': 99}", minutes(1));

            assertThat(r.accepted()).isFalse();
            assertThat(r.current()).isEqualTo(store.current());
            assertThat(store.current().version()).isEqualTo(1);
            assertThat(fileBytes()).isEqualTo(before);
            assertThat(store.history()).hasSize(1);
        }
        assertThat(lastEntry()).satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.REJECTED);
            assertThat(e.params()).isNull();
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.changes()).isEqualTo(json("{'max_position_pct': 99}"));
            assertThat(e.reasons()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("max_position_pct", Rule.BOUNDS));
        });
        try (ParamStore reopened = open()) {
            assertThat(reopened.current().version()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'max_position_pct': 99}                          | max_position_pct              | BOUNDS",
            "{'max_position_pct': 0.05}                        | max_position_pct              | BOUNDS",
            "{'max_position_pct': 1.6}                         | max_position_pct              | STEP",
            "{'max_position_pct': 0.12345}                     | max_position_pct              | PRECISION",
            "{'max_position_pct': 1e400}                       | max_position_pct              | NOT_FINITE",
            "{'max_leverage': '2'}                             | max_leverage                  | INVALID",
            "{'breakout_lookback': 40}                         | breakout_lookback             | STEP",
            "{'breakout_lookback': 20.5}                       | breakout_lookback             | INVALID",
            "{'symbols': {'DOGEUSDT': {'size_multiplier': 0}}} | symbols.DOGEUSDT              | ALLOWLIST",
            "{'symbols': {'BTCUSDT': {'size_multiplier': 2}}}  | symbols.BTCUSDT.size_multiplier | BOUNDS",
            "{'version': 5}                                    | version                       | INVALID",
            "{'take_profit_pct': 0.1}                          | take_profit_pct               | BOUNDS"})
    void everyRejectedWriteNamesFieldAndRule(String changes, String field, Rule rule) throws IOException {
        try (ParamStore store = open()) {
            WriteResult r = propose(store, changes, minutes(1));

            assertThat(r.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple(field, rule));
            assertThat(r.violations().get(0).message()).isNotBlank();
        }
        assertThat(lastEntry().reasons()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple(field, rule));
    }

    @Test
    void rejectsMissingAuthorAndRationaleAlongsideBadValues() throws IOException {
        try (ParamStore store = open()) {
            WriteResult r = store.propose(null, json("{'max_position_pct': 'x'}"), " ", "", false, minutes(1));

            assertThat(r.violations()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                    tuple("max_position_pct", Rule.INVALID), tuple("updated_by", Rule.AUTHOR),
                    tuple("rationale", Rule.RATIONALE));
        }
    }

    @Test
    void rejectsSecondIncreaseWithinCooldown() throws IOException {
        try (ParamStore store = open()) {
            assertThat(propose(store, "{'max_position_pct': 1.5}", minutes(0)).accepted()).isTrue();

            WriteResult tooSoon = propose(store, "{'max_leverage': 2.5}", minutes(1));
            WriteResult later = propose(store, "{'max_leverage': 2.5}", minutes(15));

            assertThat(tooSoon.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("max_leverage", Rule.COOLDOWN));
            assertThat(later.accepted()).isTrue();
            assertThat(store.current().version()).isEqualTo(3);
        }
    }

    @Test
    void newSymbolIsEnabledAtTheDefaultMultiplierButNotBeyondOneStep() throws IOException {
        try (ParamStore store = open()) {
            // An absent symbol counts as multiplier 1.0 (the default), so enabling it is one step, not 0 -> 1.0.
            WriteResult tooBig = propose(store,
                    "{'symbols': {'SOLUSDT': {'enabled': true, 'size_multiplier': 1.6}}}", minutes(1));
            WriteResult byDefault = propose(store, "{'symbols': {'SOLUSDT': {'enabled': true}}}", minutes(1));

            assertThat(tooBig.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("symbols.SOLUSDT.size_multiplier", Rule.BOUNDS));
            assertThat(byDefault.accepted()).isTrue();
            assertThat(byDefault.current().isEnabled("SOLUSDT")).isTrue();
            assertThat(byDefault.current().symbols().get("SOLUSDT").sizeMultiplier()).isEqualTo(1.0);
        }
    }

    @Test
    void conflictingProposalIsJournaledAsVersionConflict() throws IOException {
        try (ParamStore store = open()) {
            assertThat(store.propose(1L, json("{'max_position_pct': 0.8}"), AUTHOR, WHY, false, minutes(1))
                    .accepted()).isTrue();
            byte[] before = fileBytes();

            WriteResult stale = store.propose(1L, json("{'max_position_pct': 0.5}"), AUTHOR, WHY, false, minutes(2));

            assertThat(stale.conflict()).isTrue();
            assertThat(stale.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("version");
                assertThat(v.rule()).isEqualTo(Rule.VERSION_CONFLICT);
                assertThat(v.message()).contains("expected version 1").contains("version 2 is current");
            });
            assertThat(store.current().maxPositionPct()).isEqualTo(0.8);
            assertThat(fileBytes()).isEqualTo(before);
        }
        assertThat(lastEntry()).satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.CONFLICT);
            assertThat(e.expectedVersion()).isEqualTo(1L);
            assertThat(e.baseVersion()).isEqualTo(2);
            assertThat(e.reasons()).extracting(Violation::rule).containsExactly(Rule.VERSION_CONFLICT);
        });
    }

    @Test
    void dryRunIsJournaledButChangesNothing() throws IOException {
        try (ParamStore store = open()) {
            byte[] before = fileBytes();

            WriteResult r = store.propose(1L, json("{'max_position_pct': 0.5}"), AUTHOR, WHY, true, minutes(1));

            assertThat(r.accepted()).isTrue();
            assertThat(r.current()).isEqualTo(store.current());
            assertThat(store.current().version()).isEqualTo(1);
            assertThat(store.history()).hasSize(1);
            assertThat(fileBytes()).isEqualTo(before);
        }
        assertThat(lastEntry()).satisfies(e -> {
            assertThat(e.dryRun()).isTrue();
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.ACCEPTED);
            assertThat(e.params()).isNull();
            assertThat(e.createdVersion()).isFalse();
            assertThat(e.diff()).extracting(FieldChange::field).containsExactly("max_position_pct");
        });
        try (ParamStore reopened = open()) {
            assertThat(reopened.current().version()).isEqualTo(1);
        }
    }

    // --- rollback and reset ---

    @Test
    void rollbackGoesThroughThePolicy() throws IOException {
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 1.5}", minutes(0));
            propose(store, "{'max_position_pct': 1.0}", minutes(1));

            WriteResult r = store.rollback(2, AUTHOR, "back to 1.5", minutes(2));

            assertThat(r.accepted()).isFalse();
            assertThat(r.entry().kind()).isEqualTo(AuditEntry.Kind.ROLLBACK);
            assertThat(r.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("max_position_pct", Rule.COOLDOWN));
            assertThat(store.current().version()).isEqualTo(3);

            WriteResult later = store.rollback(2, AUTHOR, "back to 1.5", minutes(16));
            assertThat(later.accepted()).isTrue();
            assertThat(later.current().version()).isEqualTo(4);
            assertThat(later.current().maxPositionPct()).isEqualTo(1.5);
        }
    }

    @Test
    void rollbackThatLowersRiskIsAcceptedAtOnce() throws IOException {
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 1.5, 'max_leverage': 3}", minutes(0));

            WriteResult r = store.rollback(1, AUTHOR, "undo", minutes(1));

            assertThat(r.accepted()).isTrue();
            assertThat(r.current().version()).isEqualTo(3);
            assertThat(r.current().sameValuesAs(store.history().get(0))).isTrue();
            assertThat(r.entry().changes().get("rollback_to").asLong()).isEqualTo(1);
            assertThat(fileText()).isEqualTo(ParamsJson.toText(r.current()));
        }
    }

    @Test
    void rollbackToUnknownVersionIsRejected() throws IOException {
        try (ParamStore store = open()) {
            WriteResult r = store.rollback(42, AUTHOR, WHY, minutes(1));

            assertThat(r.accepted()).isFalse();
            assertThat(r.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("version");
                assertThat(v.rule()).isEqualTo(Rule.INVALID);
                assertThat(v.message()).contains("no accepted version 42");
            });
        }
        assertThat(lastEntry().kind()).isEqualTo(AuditEntry.Kind.ROLLBACK);
    }

    @Test
    void resetToBaselineBypassesStepAndCooldownRules() throws IOException {
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 0.1, 'max_leverage': 1}", minutes(0));
            assertThat(propose(store, "{'max_position_pct': 1.0}", minutes(1)).violations())
                    .extracting(Violation::rule).containsExactly(Rule.STEP);

            WriteResult r = store.resetToBaseline("operator", "weekly reset", minutes(1));

            assertThat(r.accepted()).isTrue();
            assertThat(r.entry().kind()).isEqualTo(AuditEntry.Kind.RESET);
            assertThat(r.current().version()).isEqualTo(3);
            assertThat(r.current().sameValuesAs(BASELINE)).isTrue();
            assertThat(r.diff()).extracting(FieldChange::field).containsExactly("max_position_pct", "max_leverage");
            assertThat(fileText()).isEqualTo(ParamsJson.toText(r.current()));
        }
    }

    @Test
    void resetWithoutRationaleIsRejected() throws IOException {
        try (ParamStore store = open()) {
            WriteResult r = store.resetToBaseline("operator", " ", minutes(1));

            assertThat(r.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("rationale", Rule.RATIONALE));
            assertThat(store.current().version()).isEqualTo(1);
        }
    }

    @Test
    void openRejectsBaselineOutsideTheLimits() {
        Params tooBig = BASELINE.stamped(1, "operator", "baseline", T0);
        Params bad = new Params(1, 6.0, tooBig.stopLossPct(), null, 20, 2.0, 3.0, tooBig.tradingMode(),
                tooBig.symbols(), "operator", "baseline", T0);

        assertThatThrownBy(() -> ParamStore.open(dir, POLICY, bad, T0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max_position_pct");
        assertThat(dir.resolve(ParamStore.AUDIT_FILE)).doesNotExist();
    }

    // --- reload: hand edits and last-known-good ---

    @Test
    void reloadAcceptsHandEditWithinTheRulesAsNextVersion() throws IOException {
        try (ParamStore store = open()) {
            writeFile(handEdit(store.current(), "max_position_pct", 0.5));

            LoadResult r = store.reload(minutes(1));

            assertThat(r.healthy()).isTrue();
            assertThat(r.changed()).isTrue();
            assertThat(r.params().version()).isEqualTo(2);
            assertThat(r.params().maxPositionPct()).isEqualTo(0.5);
            assertThat(store.current()).isEqualTo(r.params());
            assertThat(fileText()).isEqualTo(ParamsJson.toText(r.params()));
            assertThat(store.reload(minutes(2))).isEqualTo(new LoadResult(r.params(), false, List.of()));
        }
        assertThat(lastEntry()).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditEntry.Kind.HAND_EDIT);
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.ACCEPTED);
            assertThat(e.author()).isEqualTo("hand-edit:alice");
            assertThat(e.rationale()).isEqualTo("edited by hand");
            assertThat(e.version()).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @CsvSource({"4.0, STEP", "99, BOUNDS"})
    void keepsLastKnownGoodWhenHandEditBreaksPolicy(double value, Rule rule) throws IOException {
        try (ParamStore store = open()) {
            Params good = store.current();
            writeFile(handEdit(good, "max_position_pct", value));

            LoadResult first = store.reload(minutes(1));
            LoadResult second = store.reload(minutes(2));

            assertThat(first.params()).isEqualTo(good);
            assertThat(first.changed()).isFalse();
            assertThat(first.problems()).singleElement().asString()
                    .contains("hand edit rejected").contains("max_position_pct").contains("last-known-good version 1");
            assertThat(second.params()).isEqualTo(good);
            assertThat(second.problems()).singleElement().asString().contains("rejected before");
            assertThat(store.current()).isEqualTo(good);
        }
        List<AuditEntry> handEdits = journal().stream().filter(e -> e.kind() == AuditEntry.Kind.HAND_EDIT).toList();
        assertThat(handEdits).singleElement().satisfies(e -> {
            assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.REJECTED);
            assertThat(e.reasons()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("max_position_pct", rule));
        });
    }

    @Test
    void keepsLastKnownGoodWhenFileIsMissing() throws IOException {
        try (ParamStore store = open()) {
            Files.delete(file());

            LoadResult r = store.reload(minutes(1));

            assertThat(r.params()).isEqualTo(store.current());
            assertThat(r.problems()).singleElement().asString().contains("missing")
                    .contains("last-known-good version 1");
        }
    }

    @Test
    void keepsLastKnownGoodWhenFileIsUnparsable() throws IOException {
        try (ParamStore store = open()) {
            writeFile("{\n  \"max_position_pct\": 0.5,\n  max_leverage: 2\n}\n");

            LoadResult r = store.reload(minutes(1));

            assertThat(r.params()).isEqualTo(store.current());
            assertThat(r.changed()).isFalse();
            assertThat(r.problems()).singleElement().asString().contains("not valid JSON at line 3");
        }
        assertThat(journal()).hasSize(1);
    }

    @Test
    void keepsLastKnownGoodWhenFileIsTorn() throws IOException {
        try (ParamStore store = open()) {
            String text = fileText();
            writeFile(text.substring(0, text.length() / 2));

            LoadResult r = store.reload(minutes(1));

            assertThat(r.params()).isEqualTo(store.current());
            assertThat(r.problems()).singleElement().asString().contains("not valid JSON")
                    .contains("keeping last-known-good version 1");
        }
    }

    @Test
    void keepsLastKnownGoodWhenFileIsInvalid() throws IOException {
        try (ParamStore store = open()) {
            ObjectNode doc = ParamsJson.toJson(store.current());
            doc.put("breakout_lookback", 20.5);
            doc.put("owner", "bob");
            writeFile(ParamsJson.compact(doc));

            LoadResult r = store.reload(minutes(1));

            assertThat(r.params()).isEqualTo(store.current());
            assertThat(r.problems()).singleElement().asString().contains("breakout_lookback").contains("owner");
        }
    }

    @Test
    void keepsLastKnownGoodWhenFileIsAnOlderVersion() throws IOException {
        try (ParamStore store = open()) {
            String v1 = fileText();
            propose(store, "{'max_position_pct': 0.8}", minutes(1));
            writeFile(v1);

            LoadResult r = store.reload(minutes(2));

            assertThat(r.params().version()).isEqualTo(2);
            assertThat(r.problems()).singleElement().asString().contains("version 1 is older");
        }
    }

    @Test
    void restartAfterVandalisedFileKeepsNewestJournaledVersion() throws IOException {
        Params newest;
        try (ParamStore store = open()) {
            newest = propose(store, "{'max_position_pct': 0.8}", minutes(1)).current();
        }
        writeFile("rm -rf /\n");

        try (ParamStore store = open()) {
            assertThat(store.current()).isEqualTo(newest);
            LoadResult r = store.reload(minutes(2));
            assertThat(r.params()).isEqualTo(newest);
            assertThat(r.problems()).singleElement().asString().contains("not valid JSON");
        }
    }

    // --- recovery on open ---

    @Test
    void repairsStaleFileOnOpen() throws IOException {
        Params newest;
        String v1;
        try (ParamStore store = open()) {
            v1 = fileText();
            newest = propose(store, "{'max_position_pct': 0.8}", minutes(1)).current();
        }
        writeFile(v1); // as after a crash between the journal append and the rename

        try (ParamStore store = open()) {
            assertThat(store.current()).isEqualTo(newest);
            assertThat(store.openReport()).singleElement().asString()
                    .contains("brought from version 1 up to version 2");
            assertThat(fileText()).isEqualTo(ParamsJson.toText(newest));
        }
    }

    @Test
    void rewritesMissingFileOnOpen() throws IOException {
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 0.8}", minutes(1));
        }
        Files.delete(file());

        try (ParamStore store = open()) {
            assertThat(store.openReport()).singleElement().asString().contains("missing; rewrote version 2");
            assertThat(fileText()).isEqualTo(ParamsJson.toText(store.current()));
        }
    }

    @Test
    void cutsTornJournalLineOnOpen() throws IOException {
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 0.8}", minutes(1));
        }
        Path audit = dir.resolve(ParamStore.AUDIT_FILE);
        String torn = "{\"seq\":3,\"at\":\"2025-01-06T00:0";
        Files.writeString(audit, torn, StandardOpenOption.APPEND);

        try (ParamStore store = open()) {
            assertThat(store.openReport()).singleElement().asString()
                    .contains("cut a torn last line of " + torn.length() + " bytes");
            assertThat(store.current().version()).isEqualTo(2);
            assertThat(Files.readString(audit)).endsWith("}\n");
            propose(store, "{'max_position_pct': 0.7}", minutes(2));
        }
        assertThat(journal()).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L);
    }

    @Test
    void readAuditSkipsTornLastLineWithReport() throws IOException {
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 0.8}", minutes(1));
        }
        Files.writeString(dir.resolve(ParamStore.AUDIT_FILE), "{\"seq\":3", StandardOpenOption.APPEND);

        AuditLog log = ParamStore.readAudit(dir);

        assertThat(log.entries()).extracting(AuditEntry::seq).containsExactly(1L, 2L);
        assertThat(log.problems()).singleElement().asString().contains("torn last line of 8 bytes");
    }

    @Test
    void skipsUnreadableJournalLineWithReport() throws IOException {
        open().close();
        Files.writeString(dir.resolve(ParamStore.AUDIT_FILE), "{\"seq\": \"?\"}\n", StandardOpenOption.APPEND);
        try (ParamStore store = open()) {
            propose(store, "{'max_position_pct': 0.8}", minutes(1));
        }

        AuditLog log = ParamStore.readAudit(dir);

        assertThat(log.entries()).extracting(AuditEntry::version).containsExactly(1L, 2L);
        assertThat(log.problems()).singleElement().asString().contains("unreadable line 2");
        try (ParamStore store = open()) {
            assertThat(store.current().version()).isEqualTo(2);
            assertThat(store.openReport()).singleElement().asString().contains("unreadable line 2");
        }
    }

    @Test
    void importsValidExistingFileIntoNewJournal() throws IOException {
        Params existing = new Params(7, 0.5, 1.5, null, 30, 1.0, 2.0, BASELINE.tradingMode(), BASELINE.symbols(),
                "ops", "hand-written", T0);
        writeFile(ParamsJson.toText(existing));

        try (ParamStore store = open()) {
            assertThat(store.current()).isEqualTo(existing);
            assertThat(store.openReport()).isEmpty();
        }
        assertThat(journal()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditEntry.Kind.IMPORT);
            assertThat(e.version()).isEqualTo(7);
        });
    }

    @Test
    void startsFromBaselineWhenExistingFileIsInvalid() throws IOException {
        writeFile("{\"max_position_pct\": 99}");

        try (ParamStore store = open()) {
            assertThat(store.current().sameValuesAs(BASELINE)).isTrue();
            assertThat(store.openReport()).singleElement().asString()
                    .contains("not imported").contains("version: required");
            assertThat(fileText()).isEqualTo(ParamsJson.toText(store.current()));
        }
    }

    // --- one owner per directory ---

    @Test
    void secondOpenInSameJvmFailsClearly() throws IOException {
        try (ParamStore store = open()) {
            assertThatThrownBy(this::open).isInstanceOf(IOException.class)
                    .hasMessageContaining("in use").hasMessageContaining(ParamStore.LOCK_FILE);
            assertThat(propose(store, "{'max_position_pct': 0.8}", minutes(1)).accepted()).isTrue();
        }
        try (ParamStore reopened = open()) {
            assertThat(reopened.current().version()).isEqualTo(2);
        }
    }

    @Test
    void closingTwiceDoesNotReleaseAnotherStoresClaim() throws IOException {
        ParamStore first = open();
        first.close();
        try (ParamStore second = open()) {
            first.close();

            assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("in use");
            assertThat(second.current().version()).isEqualTo(1);
        }
    }

    @Test
    void secondOpenFromAnotherProcessFailsEvenAfterFailedOpenInThisJvm() throws Exception {
        try (ParamStore store = open()) {
            assertThatThrownBy(this::open).isInstanceOf(IOException.class);

            assertThat(runProbe()).startsWith("LOCKED:").contains("in use");
            assertThat(store.current().version()).isEqualTo(1);
        }
        assertThat(runProbe()).isEqualTo("OPENED 1");
    }

    private String runProbe() throws IOException, InterruptedException {
        Process p = JavaProcess.main(OpenProbe.class).jvm("-XX:+UseSerialGC", "-XX:-UsePerfData").args(dir.toString())
                .builder().redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
