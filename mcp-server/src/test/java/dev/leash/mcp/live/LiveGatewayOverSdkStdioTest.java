package dev.leash.mcp.live;

import dev.leash.mcp.SdkStdioMain;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.Tag;

import java.nio.file.Path;
import java.time.Duration;

/** The suite over the SDK's own stdio transport ({@link SdkStdioMain} in a child JVM); {@code -Psdk-transports}. */
@Tag("sdk-transports")
class LiveGatewayOverSdkStdioTest extends LiveGatewaySuite {

    @Override
    McpSyncClient connect(LiveGateway gateway, Path mcpDataDir) {
        ServerParameters params = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString())
                .args("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-cp", System.getProperty("java.class.path"), SdkStdioMain.class.getName())
                .env(gateway.mcpEnv(mcpDataDir))
                .build();
        McpSyncClient c = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder(CLIENT_NAME, "1.0").build())
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(30))
                .build();
        c.initialize();
        return c;
    }

    @Override
    void disconnect() {
        // The client's close destroys the child JVM.
    }

    @Override
    String expectedAuthor() {
        return CLIENT_NAME + " (model-token)";
    }
}
