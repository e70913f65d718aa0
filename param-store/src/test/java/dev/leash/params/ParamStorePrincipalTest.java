package dev.leash.params;

import dev.leash.risk.Principal;
import dev.leash.risk.Rule;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The store applies the rules of each write's principal and journals who it was. */
@Timeout(30)
class ParamStorePrincipalTest {

    @TempDir
    Path dir;

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private List<AuditEntry> journal() throws IOException {
        return ParamStore.readAudit(dir).entries();
    }

    /** Paused by the operator, then the model raised max_position_pct at minute 20. */
    private ParamStore pausedRightAfterAModelIncrease() throws IOException {
        ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0);
        assertThat(store.propose(null, json("{'trading_mode': 'paused'}"), "operator (gateway-token)",
                Principal.OPERATOR, "stop for the news", false, minutes(1)).accepted()).isTrue();
        assertThat(store.propose(null, json("{'max_position_pct': 1.2}"), "claude (model-token)", Principal.MODEL,
                "volatility fell", false, minutes(20)).accepted()).isTrue();
        return store;
    }

    @Test
    void operatorResumeRightAfterAModelIncreaseIsAcceptedAndJournaledAsTheOperators() throws IOException {
        try (ParamStore store = pausedRightAfterAModelIncrease()) {
            WriteResult r = store.propose(null, json("{'trading_mode': 'active'}"), "operator (gateway-token)",
                    Principal.OPERATOR, "news is out", false, minutes(21));

            assertThat(r.accepted()).as("%s", r.violations()).isTrue();
            assertThat(store.current().tradingMode()).isEqualTo(TradingMode.ACTIVE);
            assertThat(store.current().updatedBy()).isEqualTo("operator (gateway-token)");
        }
        assertThat(journal().get(journal().size() - 1)).satisfies(e -> {
            assertThat(e.author()).isEqualTo("operator (gateway-token)");
            assertThat(e.principal()).isEqualTo(Principal.OPERATOR);
        });
        assertThat(Files.readString(dir.resolve(ParamStore.AUDIT_FILE))).contains("\"principal\":\"operator\"");
    }

    @Test
    void anOperatorResumeInsideTheModelsCooldownIsStillCurrentAfterARestart() throws IOException {
        try (ParamStore store = pausedRightAfterAModelIncrease()) {
            assertThat(store.propose(null, json("{'trading_mode': 'active'}"), "operator (gateway-token)",
                    Principal.OPERATOR, "news is out", false, minutes(21)).accepted()).isTrue();
        }
        try (ParamStore reopened = ParamStore.open(dir, POLICY, BASELINE, minutes(22))) {
            assertThat(reopened.journalProblems()).isEmpty();
            assertThat(reopened.current().tradingMode()).isEqualTo(TradingMode.ACTIVE);
            assertThat(reopened.current().updatedBy()).isEqualTo("operator (gateway-token)");
        }
    }

    @Test
    void theSameResumeByTheModelIsRefusedForCooldownAndJournaledAsTheModels() throws IOException {
        try (ParamStore store = pausedRightAfterAModelIncrease()) {
            WriteResult r = store.propose(null, json("{'trading_mode': 'active'}"), "claude (model-token)",
                    Principal.MODEL, "news is out", false, minutes(21));

            assertThat(r.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("trading_mode", Rule.COOLDOWN));
            assertThat(store.current().tradingMode()).isEqualTo(TradingMode.PAUSED);
        }
        assertThat(journal().get(journal().size() - 1).principal()).isEqualTo(Principal.MODEL);
    }

    @Test
    void theModelsCooldownCountsTheOperatorsResume() throws IOException {
        try (ParamStore store = pausedRightAfterAModelIncrease()) {
            store.propose(null, json("{'trading_mode': 'active'}"), "operator", Principal.OPERATOR, "resume", false,
                    minutes(40));

            WriteResult r = store.propose(null, json("{'max_position_pct': 1.4}"), "claude", Principal.MODEL,
                    "more", false, minutes(50));

            assertThat(r.violations()).extracting(Violation::rule).containsExactly(Rule.COOLDOWN);
        }
    }

    @Test
    void operatorRollbackIsFreeOfTheStepRule() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            store.propose(null, json("{'max_position_pct': 0.2}"), "operator", Principal.OPERATOR, "flatten", false,
                    minutes(1));

            assertThat(store.rollback(1, "claude", Principal.MODEL, "back", minutes(30)).violations())
                    .extracting(Violation::rule).containsExactly(Rule.STEP);
            assertThat(store.rollback(1, "operator (cli)", Principal.OPERATOR, "back", minutes(30)).accepted())
                    .isTrue();
        }
        assertThat(journal().get(journal().size() - 1).principal()).isEqualTo(Principal.OPERATOR);
    }

    @Test
    void aHandEditIsJournaledAsTheFilesAndBoundLikeTheModel() throws IOException {
        try (ParamStore store = pausedRightAfterAModelIncrease()) {
            String edited = ParamsJson.compact(ParamsJson.toJson(store.current()).put("trading_mode", "active")
                    .put("version", store.current().version() + 1).put("updated_by", "operator"));
            Files.writeString(dir.resolve(ParamStore.PARAMS_FILE), edited);

            LoadResult r = store.reload(minutes(21));

            assertThat(store.current().tradingMode()).isEqualTo(TradingMode.PAUSED);
            assertThat(r.problems()).isNotEmpty();
        }
        assertThat(journal().get(journal().size() - 1)).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditEntry.Kind.HAND_EDIT);
            assertThat(e.principal()).isEqualTo(Principal.FILE);
        });
    }

    @Test
    void aJournalWithoutPrincipalsStillLoads() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            store.propose(null, json("{'max_position_pct': 0.8}"), "api (gateway-token)", "older entry", false,
                    minutes(1));
        }
        Path audit = dir.resolve(ParamStore.AUDIT_FILE);
        Files.writeString(audit, Files.readString(audit).replace("\"principal\":\"model\",", ""));

        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            assertThat(store.current().maxPositionPct()).isEqualTo(0.8);
        }
        assertThat(journal()).extracting(AuditEntry::principal).containsOnlyNulls();
    }
}
