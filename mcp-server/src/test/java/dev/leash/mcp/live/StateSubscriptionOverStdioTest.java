package dev.leash.mcp.live;

import dev.leash.mcp.Main;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** {@code leash://state} subscriptions over stdio: {@code dev.leash.mcp.Main} in a child JVM. */
class StateSubscriptionOverStdioTest extends StateSubscriptionSuite {

    @Override
    McpSyncClient connect(LiveGateway gateway, Path mcpDataDir, Consumer<List<ResourceContents>> updates) {
        ServerParameters params = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString())
                .args("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .env(gateway.mcpEnv(mcpDataDir))
                .build();
        McpSyncClient c = McpClient.sync(new StdioClientTransport(params, McpJsonDefaults.getMapper()))
                .clientInfo(McpSchema.Implementation.builder(CLIENT_NAME, "1.0").build())
                .requestTimeout(Duration.ofSeconds(20))
                .initializationTimeout(Duration.ofSeconds(30))
                .resourcesUpdateConsumer(updates)
                .build();
        c.initialize();
        return c;
    }

    @Override
    void disconnect() {
        // the child JVM exits when the client closes its stdin
    }
}
