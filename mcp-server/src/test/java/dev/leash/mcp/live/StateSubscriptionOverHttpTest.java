package dev.leash.mcp.live;

import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** {@code leash://state} subscriptions over Streamable HTTP: the update travels on the session's GET stream. */
class StateSubscriptionOverHttpTest extends StateSubscriptionSuite {

    private McpHttpServer server;

    @Override
    McpSyncClient connect(LiveGateway gateway, Path mcpDataDir, Consumer<List<ResourceContents>> updates) {
        server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP, mcpDataDir));
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + server.token()))
                .build();
        McpSyncClient c = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder(CLIENT_NAME, "1.0").build())
                .requestTimeout(Duration.ofSeconds(10))
                .resourcesUpdateConsumer(updates)
                .build();
        c.initialize();
        return c;
    }

    @Override
    void disconnect() {
        if (server != null) {
            server.close();
        }
    }
}
