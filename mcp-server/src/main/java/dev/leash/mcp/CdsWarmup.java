package dev.leash.mcp;

import dev.leash.mcp.internal.McpProtocol;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code --cds-warmup}: serves a scripted stdio session in memory and returns, so that a run with
 * {@code -XX:ArchiveClassesAtExit} records the classes a cold start loads. Never contacts the gateway.
 */
final class CdsWarmup {

    private static final List<String> SESSION = List.of(
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                    + McpProtocol.LATEST + "\","
                    + "\"capabilities\":{},\"clientInfo\":{\"name\":\"cds-warmup\",\"version\":\"1\"}}}",
            "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"prompts/list\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"prompts/get\",\"params\":{\"name\":\"risk_check\"}}",
            // Fails schema validation, so the validator is loaded and nothing is sent to the gateway.
            "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"name\":\"get_trades\","
                    + "\"arguments\":{\"limit\":0}}}");
    private static final int ANSWERS = 6;

    private CdsWarmup() {
    }

    /** True when every scripted request was answered within 30 s. */
    static boolean run() throws IOException, InterruptedException {
        McpConfig config = new McpConfig(McpConfig.Transport.STDIO, McpConfig.DEFAULT_HOST, 0,
                URI.create(McpConfig.DEFAULT_GATEWAY), null, null, Path.of(McpConfig.DEFAULT_DATA_DIR), List.of(),
                McpConfig.DEFAULT_CONNECT_TIMEOUT, McpConfig.DEFAULT_READ_TIMEOUT, McpConfig.DEFAULT_CACHE_TTL)
                .withSnapshotMaxAge(java.time.Duration.ZERO); // no events stream: never contacts the gateway
        CountDownLatch answered = new CountDownLatch(ANSWERS);
        OutputStream answers = new OutputStream() {
            @Override
            public void write(int b) {
                if (b == '\n') {
                    answered.countDown();
                }
            }
        };
        PipedOutputStream client = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(client, 64 * 1024);
        McpStdioServer server = McpStdioServer.start(config, in, answers, () -> { });
        client.write((String.join("\n", SESSION) + "\n").getBytes(StandardCharsets.UTF_8));
        client.flush();
        boolean ok = answered.await(30, TimeUnit.SECONDS);
        server.close();
        client.close();
        return ok;
    }
}
