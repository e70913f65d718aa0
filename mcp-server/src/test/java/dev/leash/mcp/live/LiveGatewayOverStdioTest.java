package dev.leash.mcp.live;

import dev.leash.mcp.Main;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;

import java.nio.file.Path;
import java.time.Duration;

/** The suite over stdio: {@code dev.leash.mcp.Main} in a child JVM, as Claude Desktop launches it. */
class LiveGatewayOverStdioTest extends LiveGatewaySuite {

    @Override
    McpSyncClient connect(LiveGateway gateway, Path mcpDataDir) {
        ServerParameters params = ServerParameters.builder(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString())
                .args("-Xshare:auto", "-Xlog:disable", "-Xlog:all=warning:stderr",
                        "-cp", System.getProperty("java.class.path"), serverMain().getName())
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

    /** The server's main class, run in the child JVM. */
    Class<?> serverMain() {
        return Main.class;
    }

    @Override
    void disconnect() {
        // The child JVM exits when the client closes its stdin (or the client's close destroys it).
    }

    @Override
    String expectedAuthor() {
        return CLIENT_NAME + " (model-token)";
    }
}
