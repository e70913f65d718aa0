package dev.leash.mcp;

import dev.leash.mcp.internal.GatewayClient;
import dev.leash.mcp.internal.LeashServer;
import dev.leash.mcp.internal.LineOutputStream;
import dev.leash.mcp.internal.StdioGate;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import java.io.InputStream;
import java.io.OutputStream;

/** The Leash MCP server over stdio: JSON-RPC in on {@code in}, out on {@code out}, nothing else on {@code out}. */
public final class McpStdioServer implements AutoCloseable {

    private final McpSyncServer server;

    private McpStdioServer(McpSyncServer server) {
        this.server = server;
    }

    /**
     * Starts reading {@code in}; malformed lines are answered with a JSON-RPC error and dropped; {@code onEof} runs
     * once when the client closes {@code in}.
     */
    public static McpStdioServer start(McpConfig config, InputStream in, OutputStream out, Runnable onEof) {
        LineOutputStream lines = new LineOutputStream(out);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(LeashServer.jsonMapper(),
                new StdioGate(in, lines, onEof), lines);
        return new McpStdioServer(LeashServer.build(McpServer.sync(transport), GatewayClient.create(config)));
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
