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
    private final StdioGate gate;

    private McpStdioServer(McpSyncServer server, StdioGate gate) {
        this.server = server;
        this.gate = gate;
    }

    /**
     * Starts reading {@code in}; malformed lines are answered with a JSON-RPC error and dropped; {@code onEof} runs
     * once when the client closes {@code in}.
     */
    public static McpStdioServer start(McpConfig config, InputStream in, OutputStream out, Runnable onEof) {
        LineOutputStream lines = new LineOutputStream(out);
        StdioGate gate = new StdioGate(in, lines, onEof);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(LeashServer.jsonMapper(), gate,
                lines);
        return new McpStdioServer(LeashServer.build(McpServer.sync(transport), GatewayClient.create(config)), gate);
    }

    /** Blocks until the server has stopped reading {@code in} (EOF, or the SDK gave up on the session). */
    public void awaitStopped() throws InterruptedException {
        gate.awaitReaderEnd();
    }

    @Override
    public void close() {
        server.closeGracefully();
    }
}
