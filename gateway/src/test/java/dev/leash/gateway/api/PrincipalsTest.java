package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.params.AuditEntry;
import dev.leash.params.ParamStore;
import dev.leash.risk.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two principals on the REST API, told apart by token: the gateway token is the operator's (limits only), the
 * model token the model's (every slow-rise rule); {@code X-Leash-Client} is only a label.
 */
@Timeout(60)
class PrincipalsTest {

    private static final String PAUSE = "{\"mode\":\"paused\",\"rationale\":\"news in five minutes\"}";
    private static final String RESUME = "{\"mode\":\"active\",\"rationale\":\"news is out\"}";
    private static final String RAISE = "{\"changes\":{\"max_position_pct\":1.2},\"rationale\":\"volatility fell\"}";

    private static Response asOperator(RunningGateway g, String method, String path, String body) {
        return g.send(method, path, body, Map.of("Authorization", "Bearer " + RunningGateway.TOKEN,
                "Content-Type", "application/json"));
    }

    private static AuditEntry last(Path dir) throws Exception {
        List<AuditEntry> entries = ParamStore.readAudit(dir).entries();
        return entries.get(entries.size() - 1);
    }

    /** The operator paused; the model then raised max_position_pct, which starts the cooldown. */
    private static void pauseThenModelIncrease(RunningGateway g) {
        assertThat(asOperator(g, "POST", "/api/trading-mode", PAUSE).status()).isEqualTo(200);
        Response raise = g.modelWrite("PUT", "/api/params", RAISE);
        assertThat(raise.status()).as("%s", raise).isEqualTo(200);
        assertThat(raise.json().path("author").asText()).isEqualTo(RunningGateway.CLIENT + " (model-token)");
    }

    @Test
    void operatorResumeRightAfterAModelIncreaseIsAcceptedAndJournaledAsTheOperator(@TempDir Path dir)
            throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            pauseThenModelIncrease(g);

            Response resume = asOperator(g, "POST", "/api/trading-mode", RESUME);

            assertThat(resume.status()).as("%s", resume).isEqualTo(200);
            assertThat(resume.json().path("author").asText()).isEqualTo("operator (gateway-token)");
            assertThat(g.get("/api/params").json().path("params").path("trading_mode").asText()).isEqualTo("active");
            AuditEntry entry = last(dir);
            assertThat(entry.author()).isEqualTo("operator (gateway-token)");
            assertThat(entry.principal()).isEqualTo(Principal.OPERATOR);
            JsonNode newest = g.get("/api/params/history?limit=1").json().path("versions").path(0);
            assertThat(newest.path("principal").asText()).isEqualTo("operator");
        }
    }

    @Test
    void theSameResumeByTheModelIsRefusedForCooldown(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            pauseThenModelIncrease(g);

            Response resume = g.modelWrite("POST", "/api/trading-mode", RESUME);

            JsonNode p = assertProblem(resume, 422, "proposal rejected: trading_mode: raises risk");
            assertThat(p.path("reasons").path(0).path("rule").asText()).isEqualTo("cooldown");
            assertThat(g.get("/api/params").json().path("params").path("trading_mode").asText()).isEqualTo("paused");
            assertThat(last(dir).principal()).isEqualTo(Principal.MODEL);
        }
    }

    @Test
    void aClientCannotNameItselfTheOperator(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            pauseThenModelIncrease(g);

            Response resume = g.send("POST", "/api/trading-mode", RESUME, Map.of(
                    "Authorization", "Bearer " + RunningGateway.MODEL_TOKEN, "X-Leash-Client", "operator",
                    "Content-Type", "application/json"));

            assertProblem(resume, 422, "proposal rejected: trading_mode: raises risk");
            assertThat(last(dir).author()).isEqualTo("operator (model-token)");
            assertThat(last(dir).principal()).isEqualTo(Principal.MODEL);
        }
    }

    @Test
    void theOperatorIsFreeOfTheStepRuleButNotOfTheCeiling(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            Response big = asOperator(g, "PUT", "/api/params",
                    "{\"changes\":{\"max_position_pct\":3.0},\"rationale\":\"I know this market\"}");
            assertThat(big.status()).as("%s", big).isEqualTo(200);

            Response beyond = asOperator(g, "PUT", "/api/params",
                    "{\"changes\":{\"max_position_pct\":5.5},\"rationale\":\"all in\"}");
            assertThat(assertProblem(beyond, 422, "max_position_pct").path("reasons").path(0).path("rule").asText())
                    .isEqualTo("bounds");

            Response modelStep = g.modelWrite("PUT", "/api/params",
                    "{\"changes\":{\"max_position_pct\":3.6},\"rationale\":\"more\"}");
            assertThat(assertProblem(modelStep, 422, "max_position_pct").path("reasons").path(0).path("rule")
                    .asText()).isEqualTo("step");
        }
    }

    @Test
    void aTokenThatIsNeitherIsRefused(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            Response r = g.send("POST", "/api/trading-mode", PAUSE,
                    Map.of("Authorization", "Bearer " + RunningGateway.MODEL_TOKEN + "x"));

            assertProblem(r, 401, "the bearer token is not this gateway's token");
        }
    }

    @Test
    void theParamsSayWhomTheIncreaseRulesBindAndThatTheyCoverEffectiveExposure(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            JsonNode ceilings = g.get("/api/params").json().path("ceilings");

            assertThat(ceilings.path("increase_rules").path("apply_to").asText()).contains("model token")
                    .contains("operator's gateway token is bound by the ceilings only");
            assertThat(ceilings.path("effective_exposure").asText()).contains("max_position_pct x size_multiplier");
        }
    }
}
