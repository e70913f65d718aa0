package dev.leash.mcp.live;

import dev.leash.mcp.McpConfig;
import dev.leash.mcp.internal.SdkTransports;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Tag;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The suite over the SDK's own Streamable HTTP servlet transport on an embedded Jetty, behind Leash's bearer filter
 * ({@link SdkTransports#http}); {@code -Psdk-transports}.
 */
@Tag("sdk-transports")
class LiveGatewayOverSdkHttpTest extends LiveGatewaySuite {

    private SdkTransports.Http server;

    @Override
    McpSyncClient connect(LiveGateway gateway, Path mcpDataDir) {
        server = SdkTransports.http(gateway.mcpConfig(McpConfig.Transport.HTTP, mcpDataDir));
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port())
                .endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + server.token()))
                .build();
        McpSyncClient c = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder(CLIENT_NAME, "1.0").build())
                .requestTimeout(Duration.ofSeconds(10))
                .initializationTimeout(Duration.ofSeconds(10))
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

    @Override
    String expectedAuthor() {
        return CLIENT_NAME + " via mcp-token (model-token)";
    }
}
