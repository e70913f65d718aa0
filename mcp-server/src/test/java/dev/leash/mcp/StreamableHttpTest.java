package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.mcp.internal.McpProtocol;
import io.modelcontextprotocol.spec.ProtocolVersions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wire behaviour of {@code /mcp}: JSON answers, sessions, and the refusals, with a plain HTTP client. */
@Timeout(60)
class StreamableHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private static final String BOTH = "application/json, text/event-stream";

    @TempDir
    static Path dir;
    private static TestGateway gateway;
    private static McpHttpServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        gateway = new TestGateway();
        server = McpHttpServer.start(gateway.httpConfig(dir));
    }

    @AfterAll
    static void stop() {
        server.close();
        gateway.close();
    }

    private static HttpRequest.Builder mcp(String accept) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + server.token())
                .header("Accept", accept).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> post(String session, String accept, String body) throws Exception {
        HttpRequest.Builder b = mcp(accept).POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String session() throws Exception {
        HttpResponse<String> r = post(null, BOTH, INIT);
        assertThat(r.statusCode()).isEqualTo(200);
        String id = r.headers().firstValue("Mcp-Session-Id").orElseThrow();
        assertThat(post(id, BOTH, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode())
                .isEqualTo(202);
        return id;
    }

    @Test
    void answersARequestWithOneJsonObjectCarryingItsId() throws Exception {
        String session = session();

        HttpResponse<String> r = post(session, BOTH,
                "{\"jsonrpc\":\"2.0\",\"id\":\"call-7\",\"method\":\"tools/call\",\"params\":"
                        + "{\"name\":\"get_positions\",\"arguments\":{}}}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.get("id").asText()).isEqualTo("call-7");
        assertThat(body.at("/result/isError").asBoolean()).isFalse();
        assertThat(body.at("/result/structuredContent/positions").isArray()).isTrue();
        assertThat(body.at("/result/content/0/text").asText()).isEqualTo("{\"positions\":[]}");
    }

    @Test
    void answersAsAnEventStreamWhenTheClientAcceptsOnlyThat() throws Exception {
        String session = session();

        HttpResponse<String> r = post(session, "text/event-stream", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        assertThat(r.body()).startsWith("event: message\ndata: ").contains("\"id\":3", "\"result\":{}")
                .endsWith("\n\n");
    }

    @Test
    void refusesAClientThatAcceptsNeitherJsonNorAnEventStream() throws Exception {
        String session = session();

        HttpResponse<String> r = post(session, "text/html", "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"}");

        assertThat(r.statusCode()).isEqualTo(406);
        assertThat(r.body()).contains("Accept must list application/json");
    }

    @Test
    void endsASessionOnDeleteAndThenAnswers404() throws Exception {
        String session = session();
        HttpResponse<String> deleted = HTTP.send(mcp(BOTH).header("Mcp-Session-Id", session).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());

        HttpResponse<String> after = post(session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}");

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(after.statusCode()).isEqualTo(404);
        assertThat(after.body()).contains("initialize a new one");
        assertThat(HTTP.send(mcp(BOTH).header("Mcp-Session-Id", session).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void needsASessionForAnythingButInitialize() throws Exception {
        HttpResponse<String> r = post(null, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/list\"}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("Mcp-Session-Id header required");
    }

    @Test
    void getOpensTheSessionsEventStreamOnceAndOnlyForAnEventStreamClient() throws Exception {
        String session = session();
        HttpResponse<java.io.InputStream> r = HTTP.send(mcp("text/event-stream").header("Mcp-Session-Id", session)
                .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        try (java.io.InputStream body = r.body()) {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/event-stream"));
            HttpResponse<String> second = HTTP.send(mcp("text/event-stream").header("Mcp-Session-Id", session)
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(second.statusCode()).isEqualTo(409);
        }
        HttpResponse<String> json = HTTP.send(mcp("application/json").header("Mcp-Session-Id", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(406);
        HttpResponse<String> put = HTTP.send(mcp("text/event-stream").header("Mcp-Session-Id", session)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST, DELETE");
    }

    @Test
    void malformedMessagesGetAJsonRpcErrorNamingTheProblemAndTheSessionKeepsServing() throws Exception {
        String session = session();

        HttpResponse<String> notJson = post(session, BOTH, "{\"jsonrpc\":\"2.0\",");
        HttpResponse<String> empty = post(session, BOTH, " ");
        HttpResponse<String> trailing = post(session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} {}");
        HttpResponse<String> badShape = post(session, BOTH, "{\"jsonrpc\":\"1.0\",\"id\":9,\"method\":\"ping\"}");
        HttpResponse<String> badParams = post(session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\","
                + "\"params\":[1]}");
        HttpResponse<String> ok = post(session, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"ping\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(notJson.body()).at("/error/code").asInt()).isEqualTo(-32700);
        assertThat(JSON.readTree(empty.body()).at("/error/message").asText()).isEqualTo("Parse error: the body is empty");
        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badShape.body()).at("/error/message").asText()).contains("\"jsonrpc\" must be \"2.0\"");
        assertThat(JSON.readTree(badShape.body()).get("id").asInt()).isEqualTo(9);
        assertThat(JSON.readTree(badParams.body()).at("/error/message").asText()).contains("\"params\" must be an object");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(ok.body()).get("id").asInt()).isEqualTo(11);
    }

    @Test
    void anInitializeWithoutClientInfoIsRefusedAndOpensNoSession() throws Exception {
        HttpResponse<String> r = post(null, BOTH, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{}}}");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
        assertThat(JSON.readTree(r.body()).at("/error/message").asText()).contains("clientInfo");
    }

    @Test
    void negotiatesEachSdkStreamableHttpVersionAndAnswersAnUnknownOneWithTheSdksLatest() throws Exception {
        for (String v : List.of(ProtocolVersions.MCP_2025_03_26, ProtocolVersions.MCP_2025_06_18,
                ProtocolVersions.MCP_2025_11_25)) {
            assertThat(JSON.readTree(post(null, BOTH, INIT.replace("2025-06-18", v)).body())
                    .at("/result/protocolVersion").asText()).as(v).isEqualTo(v);
        }
        JsonNode unknown = JSON.readTree(post(null, BOTH, INIT.replace("2025-06-18", "1999-01-01")).body());

        assertThat(unknown.at("/result/protocolVersion").asText()).isEqualTo(McpProtocol.LATEST)
                .isEqualTo(ProtocolVersions.MCP_2025_11_25);
    }
}
