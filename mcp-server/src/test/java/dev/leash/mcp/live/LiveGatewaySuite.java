package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.params.AuditEntry;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.Prompt;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every tool, resource and prompt through the SDK's client against a real gateway on the simulated venue; one
 * gateway and one MCP connection per transport. Tests read the current params first, so their order does not
 * matter.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
abstract class LiveGatewaySuite {

    static final String CLIENT_NAME = "Leash IT";
    static final List<String> TOOLS = List.of("get_state", "get_trades", "get_positions", "get_open_orders",
            "get_funding_rates", "get_market", "get_performance", "get_decisions", "get_health", "get_params",
            "get_param_history", "update_params", "backtest_params", "set_trading_mode", "get_scorecard",
            "set_symbol_bias", "propose_strategy", "get_strategy_lineage");
    static final List<String> RESOURCES = List.of("leash://state", "leash://params/current", "leash://params/ceilings",
            "leash://params/history", "leash://trades/recent");
    static final List<String> PROMPTS = List.of("outer_loop_review", "weekly_review", "risk_check");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final long BAR = 5 * 60_000L;
    /** Bars the gateway trades on its manual clock before the client connects; then trading time stands still. */
    private static final int BARS = 96;

    LiveGateway gateway;
    McpSyncClient client;

    /** Starts the MCP server (if in-process) and returns an initialized client named {@link #CLIENT_NAME}. */
    abstract McpSyncClient connect(LiveGateway gateway, Path mcpDataDir) throws Exception;

    /** Stops what {@link #connect} started besides the client. */
    abstract void disconnect();

    /** How the gateway journals this transport's client. */
    abstract String expectedAuthor();

    @BeforeAll
    @Timeout(60)
    void start(@TempDir Path dir) throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        gateway = LiveGateway.startManual(dir.resolve("gateway"), WALL, clock);
        gateway.advanceTo(clock, clock.now() + BARS * BAR);
        client = connect(gateway, dir.resolve("mcp"));
    }

    @AfterAll
    @Timeout(30)
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        disconnect();
        if (gateway != null) {
            gateway.close();
        }
    }

    CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    static JsonNode structured(CallToolResult r) {
        return JSON.valueToTree(r.structuredContent());
    }

    private JsonNode params() {
        CallToolResult r = call("get_params", Map.of());
        assertThat(r.isError()).as(text(r)).isFalse();
        return structured(r).path("params");
    }

    @Test
    void listsEveryToolResourceAndPrompt() throws Exception {
        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        assertThat(JSON.writeValueAsBytes(client.listTools()).length).isLessThanOrEqualTo(24 * 1024);
        assertThat(client.listResources().resources()).extracting(Resource::uri)
                .containsExactlyInAnyOrderElementsOf(RESOURCES);
        assertThat(client.listPrompts().prompts()).extracting(Prompt::name)
                .containsExactlyInAnyOrderElementsOf(PROMPTS);
    }

    @Test
    void everyReadToolAnswersWithTheLiveGatewaysJson() {
        JsonNode decisions = structured(call("get_decisions", Map.of("limit", 5))).path("decisions");
        assertThat(decisions).hasSize(5);
        assertThat(decisions.get(0).path("symbol").asText()).isIn("BTCUSDT", "ETHUSDT", "SOLUSDT");

        Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
        calls.put("get_state", Map.of());
        calls.put("get_trades", Map.of("symbol", "BTCUSDT", "limit", 5));
        calls.put("get_positions", Map.of());
        calls.put("get_open_orders", Map.of("symbol", "BTCUSDT"));
        calls.put("get_funding_rates", Map.of("symbols", List.of("BTCUSDT", "ETHUSDT")));
        calls.put("get_market", Map.of("symbols", List.of("SOLUSDT")));
        calls.put("get_performance", Map.of("window", "7d"));
        calls.put("get_decisions", Map.of("symbol", "ETHUSDT", "limit", 3));
        calls.put("get_health", Map.of());
        calls.put("get_params", Map.of());
        calls.put("get_param_history", Map.of("limit", 5));
        calls.put("get_scorecard", Map.of());
        Map<String, JsonNode> out = new LinkedHashMap<>();
        calls.forEach((tool, args) -> {
            CallToolResult r = call(tool, args);
            assertThat(r.isError()).as(tool + ": " + text(r)).isFalse();
            assertThat(readTree(text(r))).as(tool + " text is the structured content")
                    .isEqualTo(structured(r));
            out.put(tool, structured(r));
        });

        assertThat(out.get("get_state").has("params_version")).isTrue();
        assertThat(out.get("get_state").path("positions").isArray()).isTrue();
        assertThat(out.get("get_trades").path("trades").isArray()).isTrue();
        assertThat(out.get("get_positions").path("positions").isArray()).isTrue();
        assertThat(out.get("get_open_orders").path("orders").findValuesAsText("symbol")).allMatch("BTCUSDT"::equals);
        assertThat(out.get("get_funding_rates").path("funding").findValuesAsText("symbol"))
                .contains("BTCUSDT", "ETHUSDT");
        assertThat(out.get("get_market").path("market")).hasSize(1);
        assertThat(out.get("get_market").path("market").get(0).path("symbol").asText()).isEqualTo("SOLUSDT");
        assertThat(out.get("get_performance").path("window").asText()).isEqualTo("7d");
        assertThat(out.get("get_decisions").path("decisions")).hasSizeLessThanOrEqualTo(3)
                .allMatch(d -> d.path("symbol").asText().equals("ETHUSDT"));
        assertThat(out.get("get_health").path("venue").asText()).isEqualTo("simulated");
        assertThat(out.get("get_params").path("ceilings").has("max_position_pct")).isTrue();
        assertThat(out.get("get_param_history").path("versions").size()).isBetween(1, 5);
        // Trading time stands still, so each answer is exactly the gateway's REST answer to the same query.
        Map<String, String> rest = Map.of("get_trades", "/api/trades?symbol=BTCUSDT&limit=5",
                "get_positions", "/api/positions", "get_open_orders", "/api/orders?symbol=BTCUSDT&status=open",
                "get_performance", "/api/performance?window=7d",
                "get_decisions", "/api/decisions?symbol=ETHUSDT&limit=3", "get_params", "/api/params",
                "get_param_history", "/api/params/history?limit=5");
        rest.forEach((tool, path) -> assertThat(out.get(tool)).as(tool).isEqualTo(gateway.get(path)));
        assertThat(out.get("get_trades").path("trades")).as("a BTCUSDT fill in %d bars", BARS).isNotEmpty();
        assertThat(out.get("get_scorecard").path("summary").asText()).isNotBlank();
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("tool text is not JSON: " + text, e);
        }
    }

    @Test
    void acceptedDecreaseIsAppliedAndJournaledWithTheClientAsAuthor() {
        JsonNode before = params();
        BigDecimal lower = before.path("max_position_pct").decimalValue().subtract(new BigDecimal("0.1"));
        String rationale = "volatility doubled over " + expectedAuthor().length() + " bars; trim exposure";

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", lower),
                "rationale", rationale));

        assertThat(r.isError()).as(text(r)).isFalse();
        JsonNode s = structured(r);
        assertThat(s.path("accepted").asBoolean()).isTrue();
        long version = s.path("version").asLong();
        assertThat(version).isEqualTo(before.path("version").asLong() + 1);
        assertThat(s.path("author").asText()).isEqualTo(expectedAuthor());
        assertThat(params().path("max_position_pct").decimalValue()).isEqualByComparingTo(lower);

        JsonNode latest = gateway.get("/api/params/history?limit=1").path("versions").get(0);
        assertThat(latest.path("version").asLong()).isEqualTo(version);
        assertThat(latest.path("author").asText()).isEqualTo(expectedAuthor());
        assertThat(latest.path("rationale").asText()).isEqualTo(rationale);
        AuditEntry journaled = gateway.audit().stream().filter(e -> e.version() == version
                && e.verdict() == AuditEntry.Verdict.ACCEPTED && !e.dryRun()).findFirst().orElseThrow();
        assertThat(journaled.author()).isEqualTo(expectedAuthor());
        assertThat(journaled.rationale()).isEqualTo(rationale);
    }

    @Test
    void increaseBeyondTheStepIsRejectedWithItsReasonAndChangesNothing() {
        JsonNode before = params();
        BigDecimal jump = before.path("max_position_pct").decimalValue().add(new BigDecimal("1.0"));
        int journaled = gateway.audit().size();

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", jump),
                "rationale", "trend is strong; double down"));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).startsWith("proposal rejected:").contains("max_position_pct");
        JsonNode s = structured(r);
        assertThat(s.path("status").asInt()).isEqualTo(422);
        assertThat(s.path("reasons").findValuesAsText("field")).contains("max_position_pct");
        assertThat(s.path("reasons").findValuesAsText("rule")).contains("step");
        assertThat(params()).isEqualTo(before);
        List<AuditEntry> audit = gateway.audit();
        assertThat(audit).hasSize(journaled + 1);
        AuditEntry last = audit.get(audit.size() - 1);
        assertThat(last.verdict()).isEqualTo(AuditEntry.Verdict.REJECTED);
        assertThat(last.author()).isEqualTo(expectedAuthor());
    }

    @Test
    void updateWithoutRationaleIsRejectedJournaledAndChangesNothing() {
        JsonNode before = params();
        int journaled = gateway.audit().size();

        CallToolResult r = call("update_params", Map.of("changes", Map.of("stop_loss_pct", 1.0)));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("rationale");
        assertThat(params()).isEqualTo(before);
        assertJournaledRejection(journaled, "", "rationale");
    }

    /**
     * Arguments the tool's input schema refuses (out of range, unknown field, wrong type) still reach the gateway,
     * whose policy refuses them: the client gets a tool error and the audit journal a rejected proposal with its
     * reason, as for any other proposal.
     */
    @Test
    void proposalsTheInputSchemaRefusesAreToolErrorsAndJournaledRejections() {
        JsonNode before = params();
        Map<String, Map<String, Object>> proposals = new LinkedHashMap<>();
        proposals.put("max_position_pct", Map.of("changes", Map.of("max_position_pct", 50), "rationale", "all in"));
        proposals.put("leverage_boost", Map.of("changes", Map.of("max_position_pct", 0.5, "leverage_boost", 2),
                "rationale", "an unknown field in changes"));
        proposals.put("force", Map.of("changes", Map.of("max_position_pct", 0.5), "rationale", "an unknown argument",
                "force", true));
        proposals.put("stop_loss_pct", Map.of("changes", Map.of("stop_loss_pct", "wide"), "rationale", "a string"));
        proposals.put("dry_run", Map.of("changes", Map.of("max_position_pct", 0.5), "rationale", "dry_run a string",
                "dry_run", "yes"));
        proposals.forEach((field, args) -> {
            int journaled = gateway.audit().size();

            CallToolResult r = call("update_params", args);

            assertThat(r.isError()).as(field + ": " + text(r)).isTrue();
            assertThat(text(r)).contains(field).doesNotContain("Exception", "\tat ");
            assertJournaledRejection(journaled, (String) args.get("rationale"), field);
        });
        int journaled = gateway.audit().size();
        CallToolResult mode = call("set_trading_mode", Map.of("mode", "yolo", "rationale", "no such mode"));
        assertThat(mode.isError()).isTrue();
        assertThat(text(mode)).contains("mode");
        assertJournaledRejection(journaled, "no such mode", "mode");
        assertThat(params()).isEqualTo(before);
    }

    private void assertJournaledRejection(int journaledBefore, String rationale, String field) {
        List<AuditEntry> audit = gateway.audit();
        assertThat(audit).as("one new audit entry for " + field).hasSize(journaledBefore + 1);
        AuditEntry last = audit.get(audit.size() - 1);
        assertThat(last.verdict()).isEqualTo(AuditEntry.Verdict.REJECTED);
        assertThat(last.author()).isEqualTo(expectedAuthor());
        assertThat(last.rationale()).isEqualTo(rationale);
        assertThat(last.reasons()).extracting(v -> v.field()).contains(field);
    }

    @Test
    void dryRunGivesTheVerdictAndChangesNothing() {
        JsonNode before = params();
        BigDecimal lower = before.path("max_position_pct").decimalValue().subtract(new BigDecimal("0.1"));

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", lower),
                "rationale", "what if", "dry_run", true));

        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(structured(r).path("dry_run").asBoolean()).isTrue();
        assertThat(params()).isEqualTo(before);
    }

    @Test
    void backtestRelaysTheGatewaysAnswer() {
        BigDecimal wider = params().path("stop_loss_pct").decimalValue().add(new BigDecimal("0.5"));

        CallToolResult r = call("backtest_params", Map.of("changes", Map.of("stop_loss_pct", wider), "days", 1));

        if (r.isError()) {
            // Until POST /api/backtest is wired, the gateway answers 503; the tool says so in one clear sentence.
            assertThat(structured(r).path("status").asInt()).as(text(r)).isEqualTo(503);
            assertThat(text(r)).contains("backtest").doesNotContain("Exception", "\tat ");
        } else {
            assertThat(structured(r).size()).isPositive();
        }
    }

    @Test
    void tradingModeGoesToReduceOnlyAndBack() {
        CallToolResult down = call("set_trading_mode", Map.of("mode", "reduce_only",
                "rationale", "drawdown; stop opening positions"));
        assertThat(down.isError()).as(text(down)).isFalse();
        assertThat(params().path("trading_mode").asText()).isEqualTo("reduce_only");

        CallToolResult up = call("set_trading_mode", Map.of("mode", "active", "rationale", "drawdown recovered"));
        assertThat(up.isError()).as(text(up)).isFalse();
        assertThat(params().path("trading_mode").asText()).isEqualTo("active");
        assertThat(gateway.get("/api/params/history?limit=1").path("versions").get(0).path("author").asText())
                .isEqualTo(expectedAuthor());
    }

    @Test
    void everyResourceIsLiveJson() {
        Map<String, JsonNode> read = new LinkedHashMap<>();
        for (String uri : RESOURCES) {
            TextResourceContents c = (TextResourceContents) client.readResource(
                    ReadResourceRequest.builder(uri).build()).contents().get(0);
            assertThat(c.mimeType()).as(uri).isEqualTo("application/json");
            read.put(uri, readTree(c.text()));
        }

        JsonNode current = read.get("leash://params/current");
        assertThat(current.path("version").asLong()).isEqualTo(params().path("version").asLong());
        assertThat(read.get("leash://params/ceilings").has("max_position_pct")).isTrue();
        assertThat(read.get("leash://params/history").path("versions").size()).isPositive();
        assertThat(read.get("leash://trades/recent").path("trades").isArray()).isTrue();
        assertThat(read.get("leash://state").path("params_version").asLong())
                .isEqualTo(gateway.get("/api/state").path("params_version").asLong());
    }

    @Test
    void everyPromptHasItsText() {
        for (String name : PROMPTS) {
            var messages = client.getPrompt(GetPromptRequest.builder(name).build()).messages();
            assertThat(messages).as(name).hasSize(name.equals("outer_loop_review") ? 2 : 1);
            assertThat(((TextContent) messages.get(0).content()).text()).as(name).hasSizeGreaterThan(200);
        }
        var review = client.getPrompt(GetPromptRequest.builder("outer_loop_review").build()).messages();
        assertThat(((TextContent) review.get(1).content()).text()) // the track record, from the live gateway
                .startsWith("Before you propose, remember your track record (get_scorecard, last 7 days): ")
                .containsAnyOf("No change by the model", "The model's", "live vs the untouched baseline");
    }
}
