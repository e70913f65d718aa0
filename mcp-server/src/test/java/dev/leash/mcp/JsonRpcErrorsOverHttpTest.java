package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JsonRpcErrorsSuite} over Streamable HTTP: never a 500; a request with wrong params is answered 200 with its
 * JSON-RPC error, a message that is no valid request 400, a refused response 400.
 */
@Timeout(60)
class JsonRpcErrorsOverHttpTest extends JsonRpcErrorsSuite {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static TestGateway gateway;
    private static McpHttpServer server;
    private static String session;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() throws Exception {
        gateway = new TestGateway();
        server = McpHttpServer.start(gateway.httpConfig(dir));
        HttpResponse<String> init = post(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\"}}}");
        session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
        post(session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    @AfterAll
    static void stop() {
        server.close();
        gateway.close();
    }

    private static HttpResponse<String> post(String session, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + server.token())
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (session != null) {
            b.header("Mcp-Session-Id", session);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    JsonNode request(String message) throws Exception {
        HttpResponse<String> r = post(session, message);
        JsonNode answer = JSON.readTree(r.body());
        int code = answer.path("error").path("code").asInt();
        assertThat(r.statusCode()).as(message + " -> " + r.body()).isEqualTo(code == -32600 || code == -32700 ? 400
                : 200);
        return answer;
    }

    @Override
    JsonNode send(String message) throws Exception {
        HttpResponse<String> r = post(session, message);
        assertThat(r.statusCode()).as(message + " -> " + r.body()).isIn(202, 400);
        return r.statusCode() == 202 ? null : JSON.readTree(r.body());
    }
}
