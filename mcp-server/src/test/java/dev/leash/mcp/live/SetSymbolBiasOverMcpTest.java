package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code set_symbol_bias} through the MCP Java SDK's client against a real gateway in this JVM: the veto lands in
 * the gateway and shows in {@code get_state}; a bad one is an error naming the reason and changes nothing.
 */
@Timeout(90)
class SetSymbolBiasOverMcpTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private LiveGateway gateway;
    private McpHttpServer server;
    private McpSyncClient client;

    private void start() throws Exception {
        gateway = LiveGateway.start(dir.resolve("gateway"));
        server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP, dir.resolve("mcp")));
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + server.token()))
                        .build())
                .clientInfo(McpSchema.Implementation.builder("risk narrator", "1.0").build())
                .requestTimeout(Duration.ofSeconds(10)).build();
        client.initialize();
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(CallToolRequest.builder(tool).arguments(args).build());
    }

    @Test
    void theModelsVetoReachesTheGatewayAndShowsInGetState() throws Exception {
        start();

        CallToolResult r = call("set_symbol_bias", Map.of("symbol", "SOLUSDT", "bias", "long_only", "until", "20h",
                "rationale", "unlock of 3% of supply at 12:00; no new shorts into the squeeze"));

        assertThat(r.isError()).as("%s", r.content()).isFalse();
        JsonNode set = JSON.valueToTree(r.structuredContent());
        assertThat(set.path("accepted").asBoolean()).isTrue();
        assertThat(set.path("by").asText()).isEqualTo("risk narrator via mcp-token (model-token)");
        assertThat(Duration.between(Instant.parse(set.path("since").asText()),
                Instant.parse(set.path("until").asText()))).isEqualTo(Duration.ofHours(20));
        CallToolResult state = call("get_state", Map.of());
        JsonNode biases = JSON.valueToTree(state.structuredContent()).path("symbol_biases");
        assertThat(biases).hasSize(1);
        assertThat(biases.get(0).path("symbol").asText()).isEqualTo("SOLUSDT");
        assertThat(biases.get(0).path("bias").asText()).isEqualTo("long_only");
        assertThat(gateway.gateway().biases().active()).hasSize(1);
    }

    @Test
    void aVetoLongerThan24HoursIsAnErrorAndChangesNothing() throws Exception {
        start();

        CallToolResult r = call("set_symbol_bias", Map.of("symbol", "BTCUSDT", "bias", "flat", "until", "48h",
                "rationale", "a long weekend"));

        assertThat(r.isError()).isTrue();
        assertThat(JSON.valueToTree(r.structuredContent()).path("error").asText())
                .contains("is more than 24 h after the gateway's time now");
        assertThat(gateway.gateway().biases().active()).isEmpty();
    }
}
