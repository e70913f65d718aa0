package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.testsupport.Eventually;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.params.AuditEntry;
import dev.leash.params.ParamStore;
import dev.leash.params.ParamsJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /api/params} and {@code POST /api/trading-mode}: token required, accepted writes durable and journaled
 * with author and rationale, rejected and malformed ones change nothing.
 */
@Timeout(30)
class WriteEndpointsTest {

    private static final String AUTHOR = RunningGateway.CLIENT + " (gateway-token)";
    private static final Duration LOOP_CATCHES_UP = Duration.ofSeconds(15);

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

    private static JsonNode params(RunningGateway g) {
        Response r = g.get("/api/params");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json().path("params");
    }

    private static long version() {
        return params(gw).path("version").asLong();
    }

    /** The current max_position_pct less 0.1, as the exact decimal the store will write. */
    private static BigDecimal lowerMaxPosition() {
        return params(gw).path("max_position_pct").decimalValue().subtract(new BigDecimal("0.1"));
    }

    private static Response putParams(String body) {
        return gw.write("PUT", "/api/params", body);
    }

    private static AuditEntry lastAuditEntry() throws IOException {
        List<AuditEntry> entries = ParamStore.readAudit(dataDir).entries();
        return entries.get(entries.size() - 1);
    }

    /** Runs {@code write} and asserts that neither the file on disk nor the served version changed. */
    private static Response changesNothing(Supplier<Response> write) throws IOException {
        byte[] before = Files.readAllBytes(gw.paramsFile());
        long version = version();
        Response r = write.get();
        assertThat(Files.readAllBytes(gw.paramsFile())).as("ai_params.json after %s", r).isEqualTo(before);
        assertThat(version()).as("version after %s", r).isEqualTo(version);
        return r;
    }

    @Test
    void refusesAWriteWithoutATokenAndSaysHowToAuthenticate() throws IOException {
        Response r = changesNothing(() -> gw.send("PUT", "/api/params",
                "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"no token\"}", Map.of()));

        assertProblem(r, 401, "writes need Authorization: Bearer <token>");
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"leash\"");
    }

    @Test
    void refusesAWrongTokenOrAnotherScheme() throws IOException {
        String body = "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"wrong token\"}";
        for (String authorization : List.of("Bearer not-" + RunningGateway.TOKEN, "Bearer ",
                "Basic " + RunningGateway.TOKEN, RunningGateway.TOKEN)) {
            Response r = changesNothing(() -> gw.send("PUT", "/api/params", body,
                    Map.of("Authorization", authorization)));

            assertThat(r.status()).as("Authorization: %s", authorization).isEqualTo(401);
            assertProblem(r, 401, "");
            assertThat(r.headers().firstValue("WWW-Authenticate")).as(authorization).isPresent();
        }
        Response mode = changesNothing(() -> gw.send("POST", "/api/trading-mode",
                "{\"mode\":\"paused\",\"rationale\":\"wrong token\"}", Map.of("Authorization", "Bearer nope")));
        assertProblem(mode, 401, "the bearer token is not this gateway's token");
        assertThat(mode.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
    }

    @Test
    void acceptsADecreaseDurablyAndJournalsWhoAndWhy() throws IOException {
        long v = version();
        BigDecimal lower = lowerMaxPosition();
        String rationale = "two losing breakouts in a row; halve the bleeding";

        Response r = putParams("{\"changes\":{\"max_position_pct\":" + lower + "},\"rationale\":\"" + rationale
                + "\",\"base_version\":" + v + "}");

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        JsonNode body = r.json();
        assertThat(body.path("accepted").asBoolean()).isTrue();
        assertThat(body.path("dry_run").asBoolean()).isFalse();
        assertThat(body.path("version").asLong()).isEqualTo(v + 1);
        assertThat(body.path("author").asText()).isEqualTo(AUTHOR);
        assertThat(body.path("changes").path("max_position_pct").path("to").decimalValue()).isEqualByComparingTo(lower);
        assertThat(body.path("reasons")).isEmpty();

        JsonNode onDisk = ParamsJson.MAPPER.readTree(Files.readString(gw.paramsFile()));
        assertThat(onDisk.path("version").asLong()).isEqualTo(v + 1);
        assertThat(onDisk.path("max_position_pct").decimalValue()).isEqualByComparingTo(lower);
        assertThat(onDisk.path("updated_by").asText()).isEqualTo(AUTHOR);
        assertThat(onDisk.path("rationale").asText()).isEqualTo(rationale);

        AuditEntry last = lastAuditEntry();
        assertThat(last.kind()).isEqualTo(AuditEntry.Kind.PROPOSAL);
        assertThat(last.verdict()).isEqualTo(AuditEntry.Verdict.ACCEPTED);
        assertThat(last.author()).isEqualTo(AUTHOR);
        assertThat(last.rationale()).isEqualTo(rationale);
        assertThat(last.version()).isEqualTo(v + 1);
        assertThat(last.expectedVersion()).isEqualTo(v);

        JsonNode served = params(gw);
        assertThat(served.path("version").asLong()).isEqualTo(v + 1);
        assertThat(served.path("max_position_pct").decimalValue()).isEqualByComparingTo(lower);
    }

    @Test
    void historyShowsTheAcceptedVersionWithDiffAndOutcome() {
        BigDecimal lower = lowerMaxPosition();
        Response put = putParams("{\"changes\":{\"max_position_pct\":" + lower
                + "},\"rationale\":\"smaller while volatility is high\"}");
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        long v = put.json().path("version").asLong();

        JsonNode newest = Eventually.await("version " + v + " in the history with its outcome", LOOP_CATCHES_UP,
                () -> gw.get("/api/params/history?limit=1").json().path("versions").path(0),
                n -> n.path("version").asLong() == v && n.has("outcome"));

        assertThat(newest.path("kind").asText()).isEqualTo("proposal");
        assertThat(newest.path("author").asText()).isEqualTo(AUTHOR);
        assertThat(newest.path("rationale").asText()).isEqualTo("smaller while volatility is high");
        assertThat(newest.path("diff").path("max_position_pct").path("to").decimalValue()).isEqualByComparingTo(lower);
        assertThat(newest.path("diff").path("max_position_pct").has("from")).isTrue();
        assertThat(newest.path("outcome").path("active_from").asText()).isNotBlank();
        assertThat(newest.path("outcome").path("fills").isIntegralNumber()).isTrue();
    }

    @Test
    void decisionsCarryTheNewParamsVersionAfterAnAcceptedPut() {
        Response put = putParams("{\"changes\":{\"max_position_pct\":" + lowerMaxPosition()
                + "},\"rationale\":\"check that the inner loop trades on it\"}");
        assertThat(put.status()).as("%s", put).isEqualTo(200);
        long v = put.json().path("version").asLong();

        JsonNode decisions = Eventually.await("the newest decisions carry params version " + v, LOOP_CATCHES_UP,
                () -> gw.get("/api/decisions?limit=3").json().path("decisions"),
                d -> d.size() == 3 && d.findValues("params_version").stream().allMatch(x -> x.asLong() == v));

        assertThat(decisions.findValuesAsText("symbol")).containsExactlyInAnyOrder("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(gw.get("/api/health").json().path("params_version").asLong()).isEqualTo(v);
        for (JsonNode d : gw.get("/api/decisions?limit=500").json().path("decisions")) {
            assertThat(d.path("params_version").asLong()).as("no decision is newer than the version in force")
                    .isLessThanOrEqualTo(v);
        }
    }

    @Test
    void dryRunPreviewsTheVerdictWithoutChangingTheVersion() throws IOException {
        long v = version();
        BigDecimal lower = lowerMaxPosition();

        Response r = changesNothing(() -> putParams("{\"changes\":{\"max_position_pct\":" + lower
                + "},\"rationale\":\"what if\",\"dry_run\":true}"));

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertThat(r.json().path("accepted").asBoolean()).isTrue();
        assertThat(r.json().path("dry_run").asBoolean()).isTrue();
        assertThat(r.json().path("version").asLong()).isEqualTo(v);
        assertThat(r.json().path("changes").path("max_position_pct").path("to").decimalValue())
                .isEqualByComparingTo(lower);
        AuditEntry last = lastAuditEntry();
        assertThat(last.dryRun()).isTrue();
        assertThat(last.createdVersion()).isFalse();
    }

    @Test
    void rejectsAnIncreaseBeyondTheStepNamingFieldAndRule() throws IOException {
        BigDecimal tooHigh = params(gw).path("max_position_pct").decimalValue().add(new BigDecimal("0.6"));

        Response r = changesNothing(() -> gw.modelWrite("PUT", "/api/params", "{\"changes\":{\"max_position_pct\":"
                + tooHigh + "},\"rationale\":\"feeling lucky\"}"));

        JsonNode p = assertProblem(r, 422, "proposal rejected: max_position_pct: rise from");
        assertThat(p.path("accepted").asBoolean()).isFalse();
        JsonNode reason = p.path("reasons").path(0);
        assertThat(reason.path("field").asText()).isEqualTo("max_position_pct");
        assertThat(reason.path("rule").asText()).isEqualTo("step");
        assertThat(reason.path("message").asText()).contains("exceeds the per-update limit of +0.5");
        AuditEntry last = lastAuditEntry();
        assertThat(last.verdict()).as("a rejected proposal is still journaled").isEqualTo(AuditEntry.Verdict.REJECTED);
        assertThat(last.rationale()).isEqualTo("feeling lucky");
    }

    @Test
    void rejectsAStaleBaseVersionAsAConflict() throws IOException {
        long stale = version() - 1;

        Response r = changesNothing(() -> putParams("{\"changes\":{\"max_position_pct\":" + lowerMaxPosition()
                + "},\"rationale\":\"based on an old read\",\"base_version\":" + stale + "}"));

        JsonNode p = assertProblem(r, 409, "version conflict: version: expected version " + stale);
        assertThat(p.path("reasons").path(0).path("rule").asText()).isEqualTo("version_conflict");
        assertThat(lastAuditEntry().verdict()).isEqualTo(AuditEntry.Verdict.CONFLICT);
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("not JSON", "{\"changes\": ", "body: not valid JSON"),
                Arguments.of("trailing garbage", "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"x\"} !",
                        "body: not valid JSON"),
                Arguments.of("empty body", "", "a JSON object body is required"),
                Arguments.of("JSON array", "[{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"x\"}]",
                        "body must be a JSON object"),
                Arguments.of("JSON string", "\"lower please\"", "body must be a JSON object"),
                Arguments.of("unknown top-level field",
                        "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"x\",\"force\":true}",
                        "unknown field 'force'; allowed: [base_version, changes, dry_run, rationale]"),
                Arguments.of("changes missing", "{\"rationale\":\"x\"}", "changes: required, an object"),
                Arguments.of("changes not an object", "{\"changes\":[0.5],\"rationale\":\"x\"}",
                        "changes: required, an object"),
                Arguments.of("rationale not a string", "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":42}",
                        "rationale must be a string"),
                Arguments.of("duplicate top-level keys",
                        "{\"changes\":{\"max_position_pct\":0.9},\"changes\":{\"max_position_pct\":5},\"rationale\":\"x\"}",
                        "Duplicate field 'changes'"),
                Arguments.of("duplicate keys in changes",
                        "{\"changes\":{\"max_position_pct\":0.9,\"max_position_pct\":5},\"rationale\":\"x\"}",
                        "Duplicate field 'max_position_pct'"),
                Arguments.of("dry_run not a boolean",
                        "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"x\",\"dry_run\":\"yes\"}",
                        "dry_run must be true or false"),
                Arguments.of("base_version not an integer",
                        "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"x\",\"base_version\":1.5}",
                        "base_version must be an integer version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void refusesAMalformedBodyAndChangesNothing(String what, String body, String detail) throws IOException {
        Response r = changesNothing(() -> putParams(body));

        assertProblem(r, 400, detail);
    }

    @Test
    void refusesABodyLargerThanTheConfiguredMaximum() throws IOException {
        long max = gw.gateway().config().api().maxBodyBytes();
        String body = "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"" + "x".repeat((int) max) + "\"}";

        Response r = changesNothing(() -> putParams(body));

        assertProblem(r, 413, "the request body is larger than " + max + " bytes");
    }

    static Stream<Arguments> invalidProposals() {
        return Stream.of(
                Arguments.of("{\"changes\":{\"max_positon_pct\":0.5},\"rationale\":\"typo\"}", "max_positon_pct",
                        "invalid"),
                Arguments.of("{\"changes\":{\"version\":99},\"rationale\":\"jump\"}", "version", "invalid"),
                Arguments.of("{\"changes\":{},\"rationale\":\"nothing\"}", "changes", "invalid"),
                Arguments.of("{\"changes\":{\"max_position_pct\":\"half\"},\"rationale\":\"x\"}", "max_position_pct",
                        "invalid"),
                Arguments.of("{\"changes\":{\"max_position_pct\":0.05},\"rationale\":\"tiny\"}", "max_position_pct",
                        "bounds"),
                Arguments.of("{\"changes\":{\"symbols\":{\"DOGEUSDT\":{\"enabled\":true}}},\"rationale\":\"meme\"}",
                        "symbols.DOGEUSDT", "allowlist"),
                Arguments.of("{\"changes\":{\"max_leverage\":1.5}}", "rationale", "rationale"),
                Arguments.of("{\"changes\":{\"max_leverage\":1.5},\"rationale\":\"   \"}", "rationale", "rationale"));
    }

    @ParameterizedTest
    @MethodSource("invalidProposals")
    void rejectsAnInvalidProposalNamingFieldAndRule(String body, String field, String rule) throws IOException {
        Response r = changesNothing(() -> putParams(body));

        JsonNode p = assertProblem(r, 422, "proposal rejected: " + field);
        assertThat(p.path("reasons")).anySatisfy(reason -> {
            assertThat(reason.path("field").asText()).isEqualTo(field);
            assertThat(reason.path("rule").asText()).isEqualTo(rule);
        });
    }

    @Test
    void refusesAClientNameThatCannotGoIntoTheAudit() throws IOException {
        Map<String, String> headers = new HashMap<>(RunningGateway.authorized());
        headers.put("X-Leash-Client", "x".repeat(101));

        Response r = changesNothing(() -> gw.send("PUT", "/api/params",
                "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"x\"}", headers));

        assertProblem(r, 400, "X-Leash-Client must be at most 100 printable ASCII characters");
    }

    @Test
    void refusesAnUnknownTradingMode() throws IOException {
        for (String body : List.of("{\"mode\":\"yolo\",\"rationale\":\"x\"}", "{\"mode\":1,\"rationale\":\"x\"}",
                "{\"rationale\":\"x\"}", "{\"mode\":\"ACTIVE\",\"rationale\":\"x\"}")) {
            Response r = changesNothing(() -> gw.write("POST", "/api/trading-mode", body));

            assertProblem(r, 400, "mode: required, one of active, reduce_only, paused");
        }
    }

    /**
     * Moving toward {@code active} is a risk increase for the model (the model token): the first one is allowed (the
     * baseline was never raised), the next one within the 15-minute cooldown is not. Reducing is always allowed. On
     * its own gateway: it leaves the mode at reduce_only and the cooldown running.
     */
    @Test
    void reducingIsAllowedAtOnceButRaisingAgainWaitsForTheCooldown(@TempDir Path own) throws Exception {
        try (RunningGateway g = RunningGateway.start(own)) {
            Response reduce = g.modelWrite("POST", "/api/trading-mode",
                    "{\"mode\":\"reduce_only\",\"rationale\":\"funding spiking; stop adding\"}");
            assertThat(reduce.status()).as("%s", reduce).isEqualTo(200);
            assertThat(reduce.json().path("version").asLong()).isEqualTo(2);
            assertThat(params(g).path("trading_mode").asText()).isEqualTo("reduce_only");
            assertThat(g.get("/api/state").json().path("risk").path("trading_mode").asText()).isEqualTo("reduce_only");
            assertThat(g.get("/api/state").json().path("trading_state").asText()).isEqualTo("REDUCE_ONLY");
            assertThat(g.get("/api/health").json().path("trading_state").asText()).isEqualTo("REDUCE_ONLY");
            Eventually.await("the inner loop decides under the reduce-only version", LOOP_CATCHES_UP,
                    () -> g.get("/api/decisions?limit=1").json().path("decisions").path(0).path("params_version"),
                    n -> n.asLong() == 2);

            Response firstRaise = g.modelWrite("POST", "/api/trading-mode",
                    "{\"mode\":\"active\",\"rationale\":\"funding normal again\"}");
            assertThat(firstRaise.status()).as("the first increase since the baseline: %s", firstRaise)
                    .isEqualTo(200);
            JsonNode now = g.get("/api/params").json().path("may_change_now");
            assertThat(now.path("increase_allowed_now").asBoolean()).isFalse();
            assertThat(now.path("cooldown_left_s").asLong()).isBetween(1L, 900L);
            assertThat(now.path("trading_modes")).extracting(JsonNode::asText)
                    .containsExactly("paused", "reduce_only", "active");

            Response reduceAgain = g.modelWrite("POST", "/api/trading-mode",
                    "{\"mode\":\"reduce_only\",\"rationale\":\"spike again\"}");
            assertThat(reduceAgain.status()).as("reducing during the cooldown: %s", reduceAgain).isEqualTo(200);
            assertThat(g.get("/api/params").json().path("may_change_now").path("trading_modes"))
                    .extracting(JsonNode::asText).containsExactly("paused", "reduce_only");

            byte[] before = Files.readAllBytes(g.paramsFile());
            Response secondRaise = g.modelWrite("POST", "/api/trading-mode",
                    "{\"mode\":\"active\",\"rationale\":\"back on\"}");
            JsonNode p = assertProblem(secondRaise, 422, "proposal rejected: trading_mode: raises risk");
            assertThat(p.path("reasons").path(0).path("rule").asText()).isEqualTo("cooldown");
            assertThat(p.path("reasons").path(0).path("message").asText()).contains("increases need 15 min");
            assertThat(Files.readAllBytes(g.paramsFile())).isEqualTo(before);
            assertThat(params(g).path("trading_mode").asText()).isEqualTo("reduce_only");
            assertThat(ParamStore.readAudit(own).entries()).extracting(AuditEntry::author)
                    .contains(RunningGateway.CLIENT + " (model-token)");
        }
    }
}
