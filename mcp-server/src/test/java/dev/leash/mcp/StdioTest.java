package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code dev.leash.mcp.Main} as a child process on stdio, as Claude Desktop runs it. */
@Timeout(90)
class StdioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestGateway gateway = new TestGateway();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        gateway.close();
    }

    private List<String> command() {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xshare:auto",
                "-cp", System.getProperty("java.class.path"), Main.class.getName());
    }

    private Map<String, String> env() {
        return Map.of("LEASH_GATEWAY_URL", gateway.url(), "LEASH_MODEL_TOKEN", TestGateway.TOKEN,
                "LEASH_MCP_DATA_DIR", dir.toString());
    }

    @Test
    void sdkClientInitializesListsToolsAndCallsOneOverStdio() {
        List<String> cmd = command();
        ServerParameters params = ServerParameters.builder(cmd.get(0)).args(cmd.subList(1, cmd.size()))
                .env(env()).build();
        McpSyncClient client = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder("Claude Desktop", "1.0").build())
                .requestTimeout(Duration.ofSeconds(20)).build();
        try {
            client.initialize();
            assertThat(client.listTools().tools()).hasSize(McpOverHttpTest.TOOLS.size());
            CallToolResult r = client.callTool(CallToolRequest.builder("get_state").arguments(Map.of()).build());
            assertThat(r.isError()).isFalse();
            assertThat(client.getPrompt(McpSchema.GetPromptRequest.builder("outer_loop_review").build())
                    .messages()).hasSize(2); // the prompt, then the track record
        } finally {
            client.closeGracefully();
        }
        gateway.wm.verify(getRequestedFor(urlPathEqualTo("/api/state")));
    }

    private static final String INITIALIZE = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";

    private Process startServer() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command());
        pb.environment().putAll(env());
        return pb.redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    @Test
    void answersBadLinesWithJsonRpcErrorsKeepsServingAndExitsOnStdinEof() throws Exception {
        Process p = startServer();
        String input = String.join("\n", INITIALIZE,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "this is not json",
                "   ",
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"ping\"} trailing",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trades\","
                        + "\"arguments\":{\"limit\":NaN}}}",
                "{\"jsonrpc\":\"1.0\",\"id\":3,\"method\":\"tools/list\"}",
                "[1,2,3]",
                // Passes a JSON check but not the SDK's mapping; it used to stop the SDK's reader for good.
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":\"boom\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trades\","
                        + "\"arguments\":{\"limit\":\"ten\"}}}",
                "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"get_health\","
                        + "\"arguments\":{}}}") + "\n";
        OutputStream stdin = p.getOutputStream();
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
        stdin.flush();
        List<JsonNode> answers = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        while (answers.stream().noneMatch(a -> a.path("id").asInt() == 5)) {
            String line = out.readLine();
            assertThat(line).as("stdout closed early").isNotNull();
            answers.add(JSON.readTree(line));
        }
        stdin.close();

        assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exits on stdin EOF").isTrue();
        assertThat(answers.stream().filter(a -> a.path("error").path("code").asInt() == -32700)).hasSize(3);
        assertThat(answers).as("a blank line is not answered").hasSize(9);
        assertThat(answers.stream().filter(a -> a.path("id").asInt() == 3).findFirst().orElseThrow()
                .path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(answers.stream().filter(a -> a.path("id").asInt() == 9).findFirst().orElseThrow()
                .path("error").path("code").asInt()).isEqualTo(-32600);
        assertThat(answers.stream().filter(a -> a.path("id").asInt() == 4).findFirst().orElseThrow()
                .path("result").path("isError").asBoolean()).isTrue();
        assertThat(answers.stream().filter(a -> a.path("id").asInt() == 5).findFirst().orElseThrow()
                .path("result").path("isError").asBoolean()).isFalse();
    }

    @Test
    void aRequestBeforeInitializedIsAnsweredOnceInitializedArrives() throws Exception {
        Process p = startServer();
        String input = String.join("\n", INITIALIZE,
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}") + "\n";
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write(input.getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            JsonNode first = JSON.readTree(out.readLine());
            JsonNode second = JSON.readTree(out.readLine());

            assertThat(first.path("id").asInt()).isEqualTo(1);
            assertThat(second.path("id").asInt()).isEqualTo(2);
            assertThat(second.path("result").path("tools").size()).isEqualTo(17);
        } finally {
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as("exits on stdin EOF").isTrue();
        }
    }
}
