package dev.leash.mcp;

import dev.leash.mcp.internal.SdkTransports;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A child JVM serving the Leash server over the SDK's own stdio transport; configured from {@code LEASH_GATEWAY_URL},
 * {@code LEASH_MODEL_TOKEN} and {@code LEASH_MCP_DATA_DIR}. The client ends it by destroying the process.
 */
public final class SdkStdioMain {

    private SdkStdioMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        OutputStream stdout = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        McpConfig config = new McpConfig(McpConfig.Transport.STDIO, McpConfig.DEFAULT_HOST, 0,
                URI.create(System.getenv("LEASH_GATEWAY_URL")), System.getenv("LEASH_MODEL_TOKEN"), null,
                Path.of(System.getenv("LEASH_MCP_DATA_DIR")), List.of(), McpConfig.DEFAULT_CONNECT_TIMEOUT,
                McpConfig.DEFAULT_READ_TIMEOUT, McpConfig.DEFAULT_CACHE_TTL);
        SdkTransports.stdio(config, System.in, stdout);
        new CountDownLatch(1).await();
    }
}
