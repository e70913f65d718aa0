package dev.leash.mcp.live;

import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The suite over Streamable HTTP (the server in-process on port 0), plus token and Origin refusals. */
class LiveGatewayOverHttpTest extends LiveGatewaySuite {

    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";
    private McpHttpServer server;

    @Override
    McpSyncClient connect(LiveGateway gateway, Path mcpDataDir) {
        server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP, mcpDataDir));
        McpSyncClient c = client(server.token());
        c.initialize();
        return c;
    }

    private McpSyncClient client(String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        return McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder(CLIENT_NAME, "1.0").build())
                .requestTimeout(Duration.ofSeconds(10))
                .initializationTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Override
    void disconnect() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    String expectedAuthor() {
        return CLIENT_NAME + " via mcp-token (model-token)";
    }

    private HttpResponse<String> post(String token, String origin) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(5))
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INIT));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesAClientWithoutTheTokenOrWithAWrongOne() throws Exception {
        assertThat(post(null, null).statusCode()).isEqualTo(401);
        assertThat(post(server.token() + "x", null).statusCode()).isEqualTo(401);
        McpSyncClient wrong = client("not-the-token-0123456789");
        try {
            assertThatThrownBy(wrong::initialize).isInstanceOf(RuntimeException.class);
        } finally {
            wrong.close();
        }
        assertThat(post(server.token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAForeignOriginEvenWithTheToken() throws Exception {
        HttpResponse<String> r = post(server.token(), "http://evil.example");

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).doesNotContain("Exception", "\tat ");
    }
}
