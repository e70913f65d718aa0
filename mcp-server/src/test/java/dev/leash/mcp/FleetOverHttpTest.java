package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** One MCP server over several (WireMock) gateways, driven by the SDK's client over Streamable HTTP. */
@Timeout(60)
class FleetOverHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private final List<TestGateway> gateways = new ArrayList<>();
    private McpHttpServer server;
    private McpSyncClient client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
        gateways.forEach(TestGateway::close);
    }

    /** A WireMock gateway whose state reports {@code equity}. */
    private TestGateway gateway(double equity) {
        TestGateway g = new TestGateway();
        g.wm.stubFor(get(urlPathEqualTo("/api/state")).willReturn(TestGateway.json(200, "{\"equity\":" + equity
                + ",\"pnl_24h\":-1.5,\"trading_state\":\"ACTIVE\",\"params_version\":" + (int) equity
                + ",\"positions\":[],\"open_orders\":[],\"health\":{\"status\":\"ok\",\"venue\":\"simulated\"}}")));
        g.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(200,
                "{\"accepted\":true,\"version\":4}")));
        gateways.add(g);
        return g;
    }

    private void serve(NamedGateway... fleet) {
        McpConfig base = TestGateway.config(McpConfig.Transport.HTTP, fleet[0].base(), dir);
        server = McpHttpServer.start(base.withFleet(List.of(fleet)));
        client = McpClients.http(server, server.token());
    }

    private static NamedGateway named(String name, String url) {
        return new NamedGateway(name, URI.create(url), TestGateway.TOKEN);
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static int writes(TestGateway g) {
        return g.wm.findAll(anyRequestedFor(anyUrl())).stream().filter(r -> !r.getMethod().getName().equals("GET"))
                .toList().size();
    }

    @Test
    void everyToolTakesARequiredGatewayArgumentNamingTheConfiguredGateways() throws Exception {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        List<Tool> tools = client.listTools().tools();

        assertThat(tools).extracting(Tool::name).contains("get_state", "update_params", "get_fleet_state");
        for (Tool t : tools) {
            JsonNode schema = JSON.valueToTree(t.inputSchema());
            if (t.name().equals("get_fleet_state")) {
                assertThat(schema.path("properties").has("gateway")).isFalse();
                continue;
            }
            assertThat(schema.path("properties").path("gateway").path("enum")).as(t.name())
                    .extracting(JsonNode::asText).containsExactly("bybit", "lmex");
            assertThat(schema.path("required")).as(t.name()).extracting(JsonNode::asText).contains("gateway");
        }
        int bytes = JSON.writeValueAsString(JSON.valueToTree(client.listTools())).getBytes(StandardCharsets.UTF_8)
                .length;
        assertThat(bytes).as("tools/list with two gateways, the gateway argument of each tool and get_fleet_state"
                + " included").isLessThanOrEqualTo(ToolsListSizeTest.MAX_BYTES);
    }

    @Test
    void aReadWithAGatewayAnswersWithThatGatewaysData() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        CallToolResult lmex = call("get_state", Map.of("gateway", "lmex"));
        CallToolResult bybit = call("get_state", Map.of("gateway", "bybit"));

        assertThat(lmex.isError()).isFalse();
        assertThat(JSON.valueToTree(lmex.structuredContent()).path("equity").asDouble()).isEqualTo(2.0);
        assertThat(JSON.valueToTree(bybit.structuredContent()).path("equity").asDouble()).isEqualTo(1.0);
        assertThat(gateways.get(0).wm.findAll(anyRequestedFor(urlPathEqualTo("/api/state")))).hasSize(1);
        assertThat(gateways.get(1).wm.findAll(anyRequestedFor(urlPathEqualTo("/api/state")))).hasSize(1);
    }

    @Test
    void theOtherArgumentsOfARoutedReadAreStillCheckedAgainstItsSchema() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        CallToolResult r = call("get_trades", Map.of("gateway", "lmex", "limit", 0));

        assertThat(r.isError()).isTrue();
        assertThat(text(r)).contains("limit");
        assertThat(gateways).allSatisfy(g ->
                assertThat(g.wm.findAll(anyRequestedFor(urlPathEqualTo("/api/trades")))).isEmpty());
    }

    /** tools/list shows backtest_params' changes as a pointer to update_params'; its calls are checked in full. */
    @Test
    void aRoutedBacktestStillRefusesChangesOutsideUpdateParamsBoundsAndSendsNothing() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        CallToolResult outOfRange = call("backtest_params", Map.of("gateway", "lmex",
                "changes", Map.of("max_position_pct", 50)));
        CallToolResult unknown = call("backtest_params", Map.of("gateway", "lmex",
                "candidates", List.of(Map.of("no_such_field", 1))));

        assertThat(outOfRange.isError()).isTrue();
        assertThat(text(outOfRange)).contains("validation", "max_position_pct");
        assertThat(unknown.isError()).isTrue();
        assertThat(text(unknown)).contains("validation");
        assertThat(gateways).allSatisfy(g -> assertThat(writes(g)).isZero());
    }

    @Test
    void theInstructionsNameEachGatewayOnceAndSayWhatTheGatewayArgumentMeans() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        assertThat(client.getServerInstructions()).contains("bybit, lmex")
                .contains("separate trading bot").contains("gateway argument");
    }

    @Test
    void aCallWithoutAGatewayOrWithAnUnknownOneIsAnErrorNamingTheGatewaysAndSendsNothing() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));
        Map<String, Object> proposal = Map.of("changes", Map.of("max_position_pct", 0.5), "rationale", "lower risk");

        CallToolResult missing = call("update_params", proposal);
        Map<String, Object> unknown = new java.util.HashMap<>(proposal);
        unknown.put("gateway", "kraken");
        CallToolResult wrong = call("update_params", unknown);
        CallToolResult readMissing = call("get_positions", Map.of());
        CallToolResult readWrong = call("get_positions", Map.of("gateway", 7));

        assertThat(missing.isError()).isTrue();
        assertThat(text(missing)).contains("gateway").contains("bybit, lmex").contains("nothing was sent");
        assertThat(wrong.isError()).isTrue();
        assertThat(text(wrong)).contains("'kraken'").contains("bybit, lmex");
        assertThat(readMissing.isError()).isTrue();
        assertThat(text(readMissing)).isEqualTo("gateway: required, one of bybit, lmex (several gateways are"
                + " configured); nothing was sent");
        assertThat(readWrong.isError()).isTrue();
        assertThat(text(readWrong)).isEqualTo("gateway: no gateway named '7'; one of bybit, lmex; nothing was sent");
        assertThat(gateways).allSatisfy(g -> {
            assertThat(writes(g)).isZero();
            assertThat(g.wm.findAll(anyRequestedFor(urlPathEqualTo("/api/positions")))).isEmpty();
        });
    }

    @Test
    void aWriteGoesOnlyToTheChosenGatewayWithoutTheGatewayArgumentAndNamesItInTheClientHeader() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        CallToolResult r = call("update_params", Map.of("gateway", "lmex",
                "changes", Map.of("max_position_pct", 0.5), "rationale", "lower risk"));

        assertThat(r.isError()).as(text(r)).isFalse();
        assertThat(writes(gateways.get(0))).isZero();
        List<LoggedRequest> sent = gateways.get(1).wm.findAll(putRequestedFor(urlPathEqualTo("/api/params")));
        assertThat(sent).singleElement().satisfies(req -> {
            assertThat(req.getHeader("X-Leash-Client")).isEqualTo(McpClients.CLIENT_NAME + " via mcp-token to gateway"
                    + " lmex");
            assertThat(req.getBodyAsString()).doesNotContain("gateway").contains("max_position_pct");
        });
    }

    @Test
    void fleetStateShowsEveryGatewayAndReportsOneThatIsDownWhileTheOthersStillAnswer() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        String up = gateway(1).url();
        serve(named("bybit", up), named("down", "http://127.0.0.1:" + closed), named("lmex", gateway(2).url()),
                named("bybit-sub", up));

        CallToolResult r = call("get_fleet_state", Map.of());

        assertThat(r.isError()).isFalse();
        JsonNode lines = JSON.valueToTree(r.structuredContent()).path("gateways");
        assertThat(lines).extracting(n -> n.path("gateway").asText())
                .containsExactly("bybit", "down", "lmex", "bybit-sub");
        assertThat(lines.get(0).path("reachable").asBoolean()).isTrue();
        assertThat(lines.get(0).path("equity").asDouble()).isEqualTo(1.0);
        assertThat(lines.get(0).path("params_version").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("trading_state").asText()).isEqualTo("ACTIVE");
        assertThat(lines.get(0).path("pnl_24h").asDouble()).isEqualTo(-1.5);
        assertThat(lines.get(1).path("reachable").asBoolean()).isFalse();
        assertThat(lines.get(1).path("error").asText()).isNotBlank().doesNotContain(TestGateway.TOKEN);
        assertThat(lines.get(2).path("equity").asDouble()).isEqualTo(2.0);
        assertThat(text(r).getBytes(StandardCharsets.UTF_8).length).as(text(r)).isLessThan(1536);
    }

    @Test
    void fleetStateDoesNotWaitLongerThanItsBoundForAGatewayThatHangs() {
        TestGateway slow = gateway(3);
        slow.wm.stubFor(get(urlPathEqualTo("/api/state")).willReturn(TestGateway.json(200, "{}")
                .withFixedDelay(4_000)));
        serve(named("fast", gateway(1).url()), named("slow", slow.url()));

        long start = System.nanoTime();
        CallToolResult r = call("get_fleet_state", Map.of());
        long millis = (System.nanoTime() - start) / 1_000_000;

        JsonNode lines = JSON.valueToTree(r.structuredContent()).path("gateways");
        assertThat(lines.get(0).path("reachable").asBoolean()).isTrue();
        assertThat(lines.get(1).path("reachable").asBoolean()).isFalse();
        assertThat(lines.get(1).path("error").asText()).as("the gateway client's own timeout, or the fleet's bound")
                .containsAnyOf("did not answer in time", "no answer within 1500 ms");
        assertThat(millis).isLessThan(3_500);
    }

    @Test
    void eachGatewayHasItsOwnStateResourceAndTheUnscopedOneIsTheFirsts() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        String lmex = ((TextResourceContents) client.readResource(ReadResourceRequest.builder("leash://lmex/state").build())
                .contents().get(0)).text();
        String first = ((TextResourceContents) client.readResource(ReadResourceRequest.builder("leash://state").build())
                .contents().get(0)).text();

        assertThat(lmex).contains("\"equity\":2.0");
        assertThat(first).contains("\"equity\":1.0");
    }

    @Test
    void theReviewPromptCarriesEachGatewaysTrackRecordAndTheInstructionsAskForAGateway() {
        serve(named("bybit", gateway(1).url()), named("lmex", gateway(2).url()));

        List<String> texts = client.getPrompt(io.modelcontextprotocol.spec.McpSchema.GetPromptRequest.builder(
                "outer_loop_review").build()).messages().stream()
                .map(m -> ((TextContent) m.content()).text()).toList();

        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Gateway bybit.").contains("No parameter change"));
        assertThat(texts).anySatisfy(t -> assertThat(t).startsWith("Gateway lmex.").contains("No parameter change"));
        assertThat(client.getServerInstructions()).contains("gateway argument").contains("get_fleet_state");
    }

    @Test
    void oneNamedGatewayLooksLikeTheSingleGatewayServerButNamesItselfInWrites() throws Exception {
        serve(named("bybit", gateway(1).url()));

        List<Tool> tools = client.listTools().tools();
        CallToolResult r = call("update_params", Map.of("changes", Map.of("max_position_pct", 0.5),
                "rationale", "lower risk"));

        assertThat(tools).extracting(Tool::name).doesNotContain("get_fleet_state")
                .containsExactlyInAnyOrderElementsOf(McpOverHttpTest.TOOLS);
        assertThat(tools).allSatisfy(t -> assertThat(JSON.valueToTree(t.inputSchema()).path("properties")
                .has("gateway")).isFalse());
        assertThat(r.isError()).isFalse();
        assertThat(gateways.get(0).wm.findAll(putRequestedFor(urlPathEqualTo("/api/params"))).get(0)
                .getHeader("X-Leash-Client")).endsWith(" to gateway bybit");
    }
}
