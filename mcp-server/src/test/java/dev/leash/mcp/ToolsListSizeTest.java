package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The serialized {@code tools/list} answer stays small: every client loads it into the model's context. */
@Timeout(60)
class ToolsListSizeTest {

    /** Issue 18: at most 12 KB, so new tools and longer descriptions are weighed against the model's context. */
    static final int MAX_BYTES = 12 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @TempDir
    Path dir;
    private final TestGateway gateway = new TestGateway();
    private final List<TestGateway> others = new ArrayList<>();
    private McpHttpServer server;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        gateway.close();
        others.forEach(TestGateway::close);
    }

    private HttpResponse<String> post(String session, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + server.token())
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The real {@code tools/list} answer of the running server, after an initialize. */
    private JsonNode toolsList() throws Exception {
        HttpResponse<String> init = post(null, INIT);
        String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode())
                .isEqualTo(202);

        HttpResponse<String> r = post(session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static int compactBytes(JsonNode answer) throws Exception {
        return JSON.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8).length;
    }

    /** An HTTP server over {@code count} gateways named like real deployments (4 to 12 characters). */
    private void serveFleet(int count) {
        List<String> names = List.of("bybit-main", "lmex", "binance-perp", "okx-hedge");
        List<NamedGateway> fleet = new ArrayList<>();
        fleet.add(new NamedGateway(names.get(0), URI.create(gateway.url()), TestGateway.TOKEN));
        for (int i = 1; i < count; i++) {
            TestGateway g = new TestGateway();
            others.add(g);
            fleet.add(new NamedGateway(names.get(i), URI.create(g.url()), TestGateway.TOKEN));
        }
        server = McpHttpServer.start(gateway.httpConfig(dir).withFleet(fleet));
    }

    @ParameterizedTest(name = "{0} gateways")
    @ValueSource(ints = {2, 4})
    void theToolsListAnswerOfAFleetFitsInTwelveKilobytes(int count) throws Exception {
        serveFleet(count);

        JsonNode answer = toolsList();

        JsonNode tools = answer.path("result").path("tools");
        assertThat(tools).as("every tool and get_fleet_state").hasSize(McpOverHttpTest.TOOLS.size() + 1);
        assertThat(compactBytes(answer)).as("compact UTF-8 size of the tools/list answer over %d gateways", count)
                .isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void theToolsListAnswerOfEveryToolFitsInTwelveKilobytes() throws Exception {
        server = McpHttpServer.start(gateway.httpConfig(dir));

        JsonNode answer = toolsList();

        JsonNode tools = answer.path("result").path("tools");
        assertThat(tools).as("the answer lists every tool").hasSize(McpOverHttpTest.TOOLS.size());
        assertThat(compactBytes(answer)).as("compact UTF-8 size of the tools/list answer (%d tools)", tools.size())
                .isLessThanOrEqualTo(MAX_BYTES);
    }
}
