package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.GetPromptRequest;
import io.modelcontextprotocol.spec.McpSchema.ListToolsResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SDK's client over Streamable HTTP, against the in-process server on port 0 and a WireMock gateway. */
@Timeout(60)
class McpOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> TOOLS = List.of("get_state", "get_trades", "get_positions", "get_open_orders",
            "get_funding_rates", "get_market", "get_performance", "get_decisions", "get_health", "get_params",
            "get_param_history", "update_params", "backtest_params", "set_trading_mode", "get_scorecard",
            "set_symbol_bias", "propose_strategy", "get_strategy_lineage");

    @TempDir
    Path dir;
    private TestGateway gateway;
    private McpHttpServer server;
    private McpSyncClient client;

    @BeforeEach
    void start() {
        gateway = new TestGateway();
        server = McpHttpServer.start(gateway.httpConfig(dir));
        client = McpClients.http(server, server.token());
    }

    @AfterEach
    void stop() {
        client.closeGracefully();
        server.close();
        gateway.close();
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    @Test
    void listsEveryToolInUnder24Kilobytes() throws Exception {
        ListToolsResult tools = client.listTools();

        assertThat(tools.tools()).extracting(Tool::name).containsExactlyInAnyOrderElementsOf(TOOLS);
        assertThat(JSON.writeValueAsBytes(tools).length).isLessThanOrEqualTo(24 * 1024);
        Tool update = tools.tools().stream().filter(t -> t.name().equals("update_params")).findFirst().orElseThrow();
        JsonNode changes = JSON.valueToTree(update.inputSchema()).path("properties").path("changes");
        assertThat(changes).isEqualTo(JSON.readTree(dev.leash.params.ParamSchema.changes().toString()));
    }

    @Test
    void everyReadToolCallsItsEndpoint() {
        Map<String, String> paths = Map.ofEntries(Map.entry("get_state", "/api/state"),
                Map.entry("get_positions", "/api/positions"), Map.entry("get_open_orders", "/api/orders"),
                Map.entry("get_funding_rates", "/api/funding"), Map.entry("get_market", "/api/market"),
                Map.entry("get_performance", "/api/performance"), Map.entry("get_decisions", "/api/decisions"),
                Map.entry("get_health", "/api/health"), Map.entry("get_params", "/api/params"),
                Map.entry("get_param_history", "/api/params/history"), Map.entry("get_scorecard", "/api/scorecard"));
        paths.forEach((tool, path) -> {
            CallToolResult r = call(tool, Map.of());
            assertThat(r.isError()).as(tool).isFalse();
            gateway.wm.verify(getRequestedFor(urlPathEqualTo(path)));
        });
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/orders")).withQueryParam("status", equalTo("open")));
    }

    @Test
    void readToolPassesItsArgumentsAsQueryParameters() throws Exception {
        CallToolResult r = call("get_trades", Map.of("symbol", "BTCUSDT", "limit", 20, "since", "2026-01-01T00:00:00Z"));
        call("get_funding_rates", Map.of("symbols", List.of("BTCUSDT", "ETHUSDT")));

        assertThat(r.isError()).isFalse();
        assertThat(JSON.readTree(text(r))).isEqualTo(JSON.valueToTree(r.structuredContent()));
        assertThat(text(r)).doesNotContain("\n");
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/trades")).withQueryParam("symbol", equalTo("BTCUSDT"))
                .withQueryParam("limit", equalTo("20")).withQueryParam("since", equalTo("2026-01-01T00:00:00Z")));
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/funding"))
                .withQueryParam("symbols", equalTo("BTCUSDT,ETHUSDT")));
    }

    @Test
    void acceptedUpdateReturnsTheNewVersionAndNamesTheClientAsAuthor() {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(200,
                "{\"accepted\":true,\"dry_run\":false,\"version\":4,\"author\":\"Leash Test via mcp-token "
                        + "(gateway-token)\",\"changes\":{\"max_position_pct\":{\"from\":1.0,\"to\":0.8}},"
                        + "\"reasons\":[]}")));

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", 0.8),
                "rationale", "volatility doubled; halve exposure", "dry_run", false));

        assertThat(r.isError()).isFalse();
        assertThat(r.structuredContent()).asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("version", 4);
        gateway.wm.verify(1, putRequestedFor(urlPathEqualTo("/api/params"))
                .withHeader("X-Leash-Client", equalTo("Leash Test via mcp-token"))
                .withRequestBody(equalToJson("{\"changes\":{\"max_position_pct\":0.8},"
                        + "\"rationale\":\"volatility doubled; halve exposure\",\"dry_run\":false}")));
    }

    @Test
    void rejectedUpdateIsAnErrorThatStillListsTheReasons() {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(422,
                "{\"type\":\"about:blank\",\"title\":\"Proposal Rejected\",\"status\":422,\"detail\":\"proposal "
                        + "rejected: max_position_pct: rises by 2.0, more than the step limit 0.5\",\"accepted\":false,"
                        + "\"version\":3,\"reasons\":[{\"field\":\"max_position_pct\",\"rule\":\"step\",\"message\":"
                        + "\"rises by 2.0, more than the step limit 0.5\"}]}")));

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", 3.0),
                "rationale", "more"));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("proposal rejected: max_position_pct: rises by 2.0, more than the step limit 0.5");
        JsonNode s = JSON.valueToTree(r.structuredContent());
        assertThat(s.path("reasons").get(0).path("field").asText()).isEqualTo("max_position_pct");
        assertThat(s.path("status").asInt()).isEqualTo(422);
    }

    @Test
    void tradingModeAndBacktestPostToTheirEndpoints() {
        gateway.wm.stubFor(post(urlPathEqualTo("/api/trading-mode")).willReturn(TestGateway.json(200,
                "{\"accepted\":true}")));
        gateway.wm.stubFor(post(urlPathEqualTo("/api/backtest")).willReturn(TestGateway.json(503,
                "{\"status\":503,\"detail\":\"backtests are not wired yet on simulated\"}")));

        CallToolResult mode = call("set_trading_mode", Map.of("mode", "reduce_only", "rationale", "drawdown"));
        CallToolResult bt = call("backtest_params", Map.of("changes", Map.of("stop_loss_pct", 1.5), "days", 7));

        assertThat(mode.isError()).isFalse();
        assertThat(bt.isError()).isTrue();
        assertThat(text(bt)).isEqualTo("backtests are not wired yet on simulated");
        gateway.wm.verify(postRequestedFor(urlPathEqualTo("/api/trading-mode"))
                .withRequestBody(equalToJson("{\"mode\":\"reduce_only\",\"rationale\":\"drawdown\"}")));
        gateway.wm.verify(1, postRequestedFor(urlPathEqualTo("/api/backtest"))
                .withRequestBody(equalToJson("{\"changes\":{\"stop_loss_pct\":1.5},\"days\":7}")));
    }

    @Test
    void backtestSendsUpToEightCandidatesAndRefusesMoreBeforeTheGateway() {
        gateway.wm.stubFor(post(urlPathEqualTo("/api/backtest")).willReturn(TestGateway.json(200,
                "{\"candidates\":[]}")));
        List<Map<String, Object>> eight = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            eight.add(Map.of("stop_loss_pct", 1.0 + i * 0.1));
        }
        List<Map<String, Object>> nine = new java.util.ArrayList<>(eight);
        nine.add(Map.of("stop_loss_pct", 2.5));

        CallToolResult ok = call("backtest_params", Map.of("candidates", eight, "days", 7));
        CallToolResult tooMany = call("backtest_params", Map.of("candidates", nine));
        CallToolResult badField = call("backtest_params", Map.of("candidates", List.of(Map.of("no_such_field", 1))));

        assertThat(ok.isError()).as(text(ok)).isFalse();
        assertThat(tooMany.isError()).isTrue();
        assertThat(text(tooMany)).contains("validation", "candidates");
        assertThat(badField.isError()).isTrue();
        gateway.wm.verify(1, postRequestedFor(urlPathEqualTo("/api/backtest")));
        gateway.wm.verify(postRequestedFor(urlPathEqualTo("/api/backtest"))
                .withRequestBody(matchingJsonPath("$.candidates[7].stop_loss_pct"))
                .withRequestBody(matchingJsonPath("$.days", equalTo("7"))));
    }

    @Test
    void badArgumentsToAToolThatProposesNothingAreRejectedByNameAndNothingReachesTheGateway() {
        List<Map<String, Object>> bad = List.of(
                Map.of("changes", Map.of("max_position_pct", "lots")),
                Map.of("changes", Map.of("max_position_pct", 1e300)),
                Map.of("changes", Map.of("no_such_field", 1)),
                Map.of("changes", Map.of()),
                Map.of("changes", Map.of("max_position_pct", 0.8), "sneaky", true));
        for (Map<String, Object> args : bad) {
            CallToolResult r = call("backtest_params", args);
            assertThat(r.isError()).as(args.toString()).isTrue();
            assertThat(text(r)).contains("validation");
        }
        CallToolResult limit = call("get_trades", Map.of("limit", 501));
        assertThat(limit.isError()).isTrue();
        assertThat(text(limit)).contains("limit");
        gateway.wm.verify(0, postRequestedFor(anyUrl()));
        gateway.wm.verify(0, getRequestedFor(urlPathEqualTo("/api/trades")));
        assertThat(call("get_health", Map.of()).isError()).isFalse();
    }

    /** A proposal is journaled by the gateway whatever is wrong with it, so it goes there as the client sent it. */
    @Test
    void aProposalTheSchemaRefusesIsForwardedAsSentAndTheGatewaysRefusalIsTheToolError() {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(400,
                "{\"title\":\"Bad Request\",\"status\":400,\"detail\":\"unknown field 'sneaky'\"}")));

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", 50), "rationale", "r",
                "sneaky", true));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).isEqualTo("unknown field 'sneaky'");
        gateway.wm.verify(1, putRequestedFor(urlPathEqualTo("/api/params")).withRequestBody(equalToJson(
                "{\"changes\":{\"max_position_pct\":50},\"rationale\":\"r\",\"sneaky\":true}")));
    }

    @Test
    void unknownToolIsAJsonRpcErrorAndTheServerKeepsServing() {
        assertThatThrownBy(() -> call("place_order", Map.of("symbol", "BTCUSDT")))
                .isInstanceOf(McpError.class).hasMessageContaining("Unknown tool");
        assertThat(call("get_state", Map.of()).isError()).isFalse();
    }

    @Test
    void unreachableGatewayIsAToolErrorWithinThreeSeconds() {
        gateway.wm.stop();
        long start = System.nanoTime();

        CallToolResult r = call("get_state", Map.of());

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("unreachable");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void gatewayTokenNeverAppearsInToolOutput() {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(401,
                "{\"status\":401,\"detail\":\"token " + TestGateway.TOKEN + " is not valid\"}")));

        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", 0.8),
                "rationale", "r"));

        assertThat(r.isError()).isTrue();
        assertThat(r.toString()).doesNotContain(TestGateway.TOKEN);
        gateway.wm.verify(anyRequestedFor(anyUrl()).withHeader("Authorization",
                equalTo("Bearer " + TestGateway.TOKEN)));
    }

    @Test
    void resourcesAreReadLiveFromTheGateway() throws Exception {
        TextResourceContents current = (TextResourceContents) client.readResource(
                ReadResourceRequest.builder("leash://params/current").build()).contents().get(0);
        TextResourceContents ceilings = (TextResourceContents) client.readResource(
                ReadResourceRequest.builder("leash://params/ceilings").build()).contents().get(0);
        client.readResource(ReadResourceRequest.builder("leash://params/history").build());
        client.readResource(ReadResourceRequest.builder("leash://trades/recent").build());

        assertThat(current.mimeType()).isEqualTo("application/json");
        assertThat(JSON.readTree(current.text()).path("version").asInt()).isEqualTo(3);
        assertThat(JSON.readTree(ceilings.text()).has("max_position_pct")).isTrue();
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/params/history")));
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/trades")).withQueryParam("limit", equalTo("50")));
    }

    @Test
    void promptsAreTheMarkdownFilesOfTheOuterLoopExamples() throws Exception {
        for (String name : List.of("outer_loop_review", "weekly_review", "risk_check")) {
            String text = ((TextContent) client.getPrompt(GetPromptRequest.builder(name).build())
                    .messages().get(0).content()).text();
            Path file = Path.of("..", "examples", "outer-loop", "prompts", name + ".md");
            assertThat(text).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    @Test
    void theOuterLoopPromptEndsWithTheModelsTrackRecordFromTheScorecard() {
        var messages = client.getPrompt(GetPromptRequest.builder("outer_loop_review").build()).messages();
        assertThat(messages).hasSize(2);
        assertThat(((TextContent) messages.get(1).content()).text())
                .isEqualTo("Before you propose, remember your track record (get_scorecard, last 7 days): "
                        + "No parameter change yet");
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/scorecard")).withQueryParam("compact", equalTo("true"))
                .withQueryParam("window", equalTo("7d")));
    }

    @Test
    void getScorecardAsksForTheCompactFormOverTheWindowGiven() {
        CallToolResult r = call("get_scorecard", Map.of("window", "30d"));
        assertThat(r.isError()).isFalse();
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/scorecard")).withQueryParam("compact", equalTo("true"))
                .withQueryParam("window", equalTo("30d")));
    }
}
