package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.mcp.live.LiveGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static dev.leash.mcp.FuzzInputs.JSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of the MCP server against a real gateway (simulated venue), over HTTP and stdio, with a fixed number
 * of cases: random JSON-RPC messages of every shape, and {@code tools/call} with arguments derived from each tool's
 * schema. Every answer is well-formed JSON-RPC (or a bare 202), never an HTTP 500, never a stack trace; an answer
 * that is an error leaves the params version unchanged; and every proposal a tool answered reaches the audit journal.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(180)
class McpFuzzTest {

    private static final long SEED = 20_261_203L;
    private static final int HTTP_CASES = 250;
    private static final int STDIO_CASES = 150;
    private static final Set<String> PROPOSALS = Set.of("update_params", "set_trading_mode");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private LiveGateway gateway;
    private McpHttpServer server;
    private StdioPipe pipe;
    private String session;
    private List<JsonNode> tools;
    /** The params version after the last accepted write. */
    private long knownVersion;

    @BeforeAll
    @Timeout(60)
    void start(@TempDir Path dir) throws Exception {
        gateway = LiveGateway.start(dir.resolve("gateway"));
        server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP, dir.resolve("mcp")));
        HttpResponse<String> init = post(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"fuzz\"}}}");
        session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        tools = FuzzInputs.tools(JSON.readTree(post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
                + "\"tools/list\"}").body()).path("result"));
        assertThat(tools).hasSize(18);
        pipe = StdioPipe.initialized(gateway.mcpConfig(McpConfig.Transport.STDIO, dir.resolve("stdio")));
        knownVersion = version();
    }

    @AfterAll
    @Timeout(30)
    void stop() {
        if (pipe != null) {
            pipe.close();
        }
        if (server != null) {
            server.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private HttpResponse<String> post(String session, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + server.token())
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long version() {
        return gateway.get("/api/params").path("params").path("version").asLong();
    }

    @Test
    void randomMessagesOverHttp() throws Exception {
        FuzzInputs in = new FuzzInputs(SEED);
        for (int i = 0; i < HTTP_CASES; i++) {
            String message = in.message(tools);
            exchangeOverHttp(message);
        }
    }

    @Test
    void randomToolArgumentsOverHttp() throws Exception {
        FuzzInputs in = new FuzzInputs(SEED + 1);
        for (int i = 0; i < HTTP_CASES; i++) {
            exchangeOverHttp(toolCall(in, i));
        }
    }

    @Test
    void randomMessagesOverStdio() {
        FuzzInputs in = new FuzzInputs(SEED + 2);
        for (int i = 0; i < STDIO_CASES; i++) {
            exchangeOverStdio(in.message(tools), i);
        }
    }

    @Test
    void randomToolArgumentsOverStdio() {
        FuzzInputs in = new FuzzInputs(SEED + 3);
        for (int i = 0; i < STDIO_CASES; i++) {
            exchangeOverStdio(toolCall(in, i), i);
        }
    }

    private String toolCall(FuzzInputs in, int i) {
        JsonNode tool = in.pick(tools);
        ObjectNode m = JSON.createObjectNode().put("jsonrpc", "2.0").put("id", "call-" + i).put("method",
                "tools/call");
        m.putObject("params").put("name", tool.path("name").asText())
                .set("arguments", in.arguments(tool.path("inputSchema")));
        return m.toString();
    }

    private void exchangeOverHttp(String message) throws Exception {
        int journaled = isProposal(message) ? gateway.audit().size() : -1;

        HttpResponse<String> r = post(session, message);

        String what = message + " -> HTTP " + r.statusCode() + " " + r.body();
        assertThat(r.statusCode()).as(what).isIn(200, 202, 400);
        assertNoStackTrace(r.body(), what);
        JsonNode answer = null;
        if (r.statusCode() == 202) {
            assertThat(r.body()).as(what).isEmpty();
        } else {
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
            answer = JSON.readTree(r.body());
            assertJsonRpcAnswer(answer, what);
        }
        checkState(message, answer, journaled, what);
    }

    private void exchangeOverStdio(String message, int i) {
        int journaled = isProposal(message) ? gateway.audit().size() : -1;
        String sync = "sync-" + i + "-" + message.hashCode();

        pipe.send(message);
        pipe.send("{\"jsonrpc\":\"2.0\",\"id\":\"" + sync + "\",\"method\":\"ping\"}");
        List<JsonNode> answers = new ArrayList<>();
        JsonNode next;
        while (!(next = pipe.next(Duration.ofSeconds(20))).path("id").asText().equals(sync)) {
            if (next.has("method")) {
                // The SDK asks for the client's roots after notifications/roots/list_changed: a request, not an answer.
                assertThat(next.path("method").asText()).as(message + " -> " + next).isEqualTo("roots/list");
                continue;
            }
            answers.add(next);
        }

        String what = message + " -> " + answers;
        assertThat(answers).as(what).hasSizeLessThanOrEqualTo(1);
        for (JsonNode a : answers) {
            assertNoStackTrace(a.toString(), what);
            assertJsonRpcAnswer(a, what);
        }
        checkState(message, answers.isEmpty() ? null : answers.get(0), journaled, what);
    }

    /**
     * An error changed nothing (the version is still the one last seen); a proposal that a tool answered, accepted
     * or not, added one journal entry.
     */
    private void checkState(String message, JsonNode answer, int journaled, String what) {
        boolean failed = answer != null && (answer.has("error") || answer.at("/result/isError").asBoolean());
        if (failed) {
            assertThat(version()).as("params version after " + what).isEqualTo(knownVersion);
        }
        if (journaled >= 0 && answer != null && answer.has("result")) {
            assertThat(gateway.audit()).as("journal after " + what).hasSize(journaled + 1);
            knownVersion = version();
        }
    }

    private static boolean isProposal(String message) {
        JsonNode sent = tree(message);
        return sent != null && "tools/call".equals(sent.path("method").asText())
                && PROPOSALS.contains(sent.at("/params/name").asText());
    }

    private static JsonNode tree(String message) {
        try {
            return JSON.readTree(message);
        } catch (Exception notJson) {
            return null;
        }
    }

    static void assertJsonRpcAnswer(JsonNode a, String what) {
        assertThat(a.isObject()).as(what).isTrue();
        assertThat(a.path("jsonrpc").asText()).as(what).isEqualTo("2.0");
        assertThat(a.has("id")).as(what).isTrue();
        assertThat(a.has("result") ^ a.has("error")).as(what).isTrue();
        if (a.has("error")) {
            assertThat(a.at("/error/code").isIntegralNumber()).as(what).isTrue();
            assertThat(a.at("/error/code").asInt()).as(what).isNotEqualTo(-32603);
            assertThat(a.at("/error/message").isTextual()).as(what).isTrue();
        }
    }

    static void assertNoStackTrace(String body, String what) {
        assertThat(body).as(what).doesNotContain("\tat ", "\\tat ", "Exception", ".java:", "java.lang.",
                "io.modelcontextprotocol", "com.fasterxml", "Caused by");
    }
}
