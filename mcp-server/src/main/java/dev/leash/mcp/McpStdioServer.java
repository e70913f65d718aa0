package dev.leash.mcp;

import dev.leash.mcp.internal.Fleet;
import dev.leash.mcp.internal.LeashServer;
import dev.leash.mcp.internal.LineOutputStream;
import dev.leash.mcp.internal.McpMetrics;
import dev.leash.mcp.internal.MetricsHosting;
import dev.leash.mcp.internal.StdioTransport;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;

import java.io.InputStream;
import java.io.OutputStream;

/**
 * The Leash MCP server over stdio: JSON-RPC in on {@code in}, out on {@code out}, nothing else on {@code out}.
 *
 * <p>Tool calls run on the thread that reads {@code in} (the SDK's immediate execution), one at a time in the order
 * they arrive. Handing each call to Reactor's elastic pool cost about a quarter of a {@code get_positions} call
 * (2,200-2,300 against 2,900-3,200 calls/s, alternating runs) and buys nothing a single client on a pipe needs: the
 * calls are short and bounded by the gateway client's timeouts. The price is that a slow call (a backtest) delays
 * the next, and that a tool must never wait for a request to the client (sampling, elicitation) on this thread;
 * no Leash tool makes one.
 */
public final class McpStdioServer implements AutoCloseable {

    private final McpSyncServer server;
    private final StdioTransport transport;
    private final Fleet reads;
    private final McpMetrics metrics;
    private final MetricsHosting metricsHosting;

    private McpStdioServer(McpSyncServer server, StdioTransport transport, Fleet reads, McpMetrics metrics,
                           MetricsHosting metricsHosting) {
        this.server = server;
        this.transport = transport;
        this.reads = reads;
        this.metrics = metrics;
        this.metricsHosting = metricsHosting;
    }

    /**
     * Starts reading {@code in}; malformed lines are answered with a JSON-RPC error and dropped; {@code onEof} runs
     * once when the client closes {@code in}.
     */
    public static McpStdioServer start(McpConfig config, InputStream in, OutputStream out, Runnable onEof) {
        StdioTransport transport = new StdioTransport(in, new LineOutputStream(out), LeashServer.jsonMapper(), onEof);
        McpMetrics metrics = new McpMetrics(() -> 1,
                config.gateways().stream().map(dev.leash.mcp.NamedGateway::name).toList());
        Fleet reads = Fleet.start(config, metrics);
        metrics.watch(reads);
        McpSyncServer server = LeashServer.build(McpServer.sync(transport).immediateExecution(true), reads, metrics);
        reads.notifyStateChanges(server);
        MetricsHosting hosting = config.metricsPort() == McpConfig.NO_METRICS_PORT ? null
                : MetricsHosting.start(config.host(), config.metricsPort(), metrics, config.allowedOrigins());
        return new McpStdioServer(server, transport, reads, metrics, hosting);
    }

    /** Blocks until the server has stopped reading {@code in}: EOF (after {@code onEof} ran) or a read error. */
    public void awaitStopped() throws InterruptedException {
        transport.awaitReaderEnd();
    }

    /** This server's metrics (also served on {@code --metrics-port} when given). */
    public McpMetrics metrics() {
        return metrics;
    }

    /** The {@code /metrics} port, or -1 without {@code --metrics-port}. */
    public int metricsPort() {
        return metricsHosting == null ? -1 : metricsHosting.port();
    }

    @Override
    public void close() {
        server.closeGracefully();
        reads.close();
        if (metricsHosting != null) {
            metricsHosting.close();
        }
    }
}
