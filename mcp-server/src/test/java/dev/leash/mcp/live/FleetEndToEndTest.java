package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.journal.JournalOptions;
import dev.leash.mcp.Main;
import dev.leash.testsupport.EmbeddedPostgresServer;
import dev.leash.testsupport.Eventually;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 16's "done when": two real gateways (simulated venue, different {@code gateway.id}) journaling to ONE
 * embedded PostgreSQL server, and one MCP server over both ({@link Main} in a child JVM with {@code --gateway
 * NAME=URL} twice, tokens from {@code LEASH_MODEL_TOKEN_<NAME>}), driven by the MCP Java SDK client over stdio.
 */
@Timeout(240)
class FleetEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLIENT = "Fleet Test";

    @TempDir
    Path dir;

    private static RunningGateway start(EmbeddedPostgresServer.Database db, Path dataDir, String id, long seed,
                                        int balance) throws Exception {
        return RunningGateway.start(dataDir, "gateway:\n  id: " + id + "\nsimulated:\n  seed: " + seed
                        + "\n  initial_balance: " + balance + "\njournal:\n  url: " + db.url() + "\n",
                RunningGateway.SPEED, Clock.systemUTC(),
                Map.of(JournalOptions.USER_ENV, db.user(), JournalOptions.PASSWORD_ENV, db.password()));
    }

    private McpSyncClient connect(RunningGateway alpha, RunningGateway beta) {
        ServerParameters params = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString())
                .args("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                        "--gateway", "alpha=" + alpha.gateway().baseUrl(),
                        "--gateway", "beta=" + beta.gateway().baseUrl())
                .env(Map.of("LEASH_MODEL_TOKEN_ALPHA", RunningGateway.MODEL_TOKEN,
                        "LEASH_MODEL_TOKEN_BETA", RunningGateway.MODEL_TOKEN,
                        "LEASH_MCP_DATA_DIR", dir.resolve("mcp").toString()))
                .build();
        McpSyncClient c = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder(CLIENT, "1.0").build())
                .requestTimeout(Duration.ofSeconds(30))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        c.initialize();
        return c;
    }

    private static CallToolResult call(McpSyncClient c, String tool, Map<String, Object> args) {
        return c.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    private static String text(CallToolResult r) {
        return ((TextContent) r.content().get(0)).text();
    }

    private static JsonNode structured(CallToolResult r) {
        return JSON.valueToTree(r.structuredContent());
    }

    private static long version(RunningGateway g) {
        return g.get("/api/params").json().path("params").path("version").asLong();
    }

    /** The gateway ids with decisions in {@code public.leash_fleet_decisions}. */
    private static java.util.Set<String> fleetGateways(EmbeddedPostgresServer.Database db) {
        java.util.Set<String> ids = new java.util.TreeSet<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db.url(), db.user(), db.password());
             java.sql.ResultSet r = c.createStatement().executeQuery(
                     "SELECT DISTINCT gateway_id FROM public.leash_fleet_decisions")) {
            while (r.next()) {
                ids.add(r.getString(1));
            }
        } catch (java.sql.SQLException e) {
            return java.util.Set.of(); // the view is refreshed by each gateway's start; read again
        }
        return ids;
    }

    @Test
    void oneMcpServerOverTwoGatewaysOnOnePostgresReadsEachAndWritesOnlyTheOneNamed() throws Exception {
        EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.shared().createDatabase();
        try (RunningGateway alpha = start(db, dir.resolve("alpha"), "alpha", 11, 10_000);
             RunningGateway beta = start(db, dir.resolve("beta"), "beta", 22, 20_000)) {
            McpSyncClient client = connect(alpha, beta);
            try {
                CallToolResult fleet = call(client, "get_fleet_state", Map.of());
                assertThat(fleet.isError()).as(text(fleet)).isFalse();
                JsonNode lines = structured(fleet).path("gateways");
                assertThat(lines).extracting(n -> n.path("gateway").asText()).containsExactly("alpha", "beta");
                assertThat(lines).allSatisfy(n -> assertThat(n.path("reachable").asBoolean()).isTrue());
                assertThat(lines.get(0).path("equity").asDouble()).isCloseTo(10_000, within(2_000.0));
                assertThat(lines.get(1).path("equity").asDouble()).isCloseTo(20_000, within(4_000.0));
                assertThat(lines.get(0).path("params_version").asLong()).isEqualTo(version(alpha));
                assertThat(text(fleet).length()).isLessThan(1536);

                CallToolResult betaState = call(client, "get_state", Map.of("gateway", "beta"));
                assertThat(structured(betaState).path("equity").asDouble()).isCloseTo(20_000, within(4_000.0));

                CallToolResult missing = call(client, "get_params", Map.of());
                assertThat(missing.isError()).isTrue();
                assertThat(text(missing)).contains("gateway");

                long alphaBefore = version(alpha);
                long betaBefore = version(beta);
                BigDecimal current = new BigDecimal(alpha.get("/api/params").json().path("params")
                        .path("max_position_pct").asText());
                CallToolResult update = call(client, "update_params", Map.of("gateway", "alpha",
                        "changes", Map.of("max_position_pct", current.subtract(new BigDecimal("0.1"))),
                        "rationale", "fleet test: trim exposure on alpha only"));

                assertThat(update.isError()).as(text(update)).isFalse();
                assertThat(version(alpha)).isEqualTo(alphaBefore + 1);
                assertThat(version(beta)).isEqualTo(betaBefore);
                JsonNode latest = alpha.get("/api/params/history?limit=1").json().path("versions").get(0);
                assertThat(latest.path("version").asLong()).isEqualTo(alphaBefore + 1);
                assertThat(latest.path("author").asText()).isEqualTo(CLIENT + " to gateway alpha (model-token)");
                assertThat(Eventually.await("both gateways' decisions in the one database's fleet view",
                        Duration.ofSeconds(60), () -> fleetGateways(db), ids -> ids.size() == 2))
                        .containsExactlyInAnyOrder("alpha", "beta");
                assertThat(beta.get("/api/params/history?limit=5").json().path("versions").findValuesAsText("author"))
                        .noneMatch(a -> a.contains(CLIENT));
            } finally {
                client.closeGracefully();
            }
        }
    }
}
