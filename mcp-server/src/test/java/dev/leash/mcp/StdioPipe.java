package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An in-process {@link McpStdioServer} on pipes: write lines to its stdin, take the lines of its stdout. */
final class StdioPipe implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PipedOutputStream stdin;
    private final BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
    private final McpStdioServer server;

    private StdioPipe(McpConfig config) throws IOException {
        PipedInputStream in = new PipedInputStream(64 * 1024);
        stdin = new PipedOutputStream(in);
        server = McpStdioServer.start(config, in, new Lines(stdout), () -> { });
    }

    /** A server against {@code gatewayUrl}, already initialized as client "stdio fuzz". */
    static StdioPipe initialized(String gatewayUrl, Path dataDir) throws IOException {
        return initialized(TestGateway.config(McpConfig.Transport.STDIO, gatewayUrl, dataDir));
    }

    /** A server with {@code config}, already initialized as client "stdio fuzz". */
    static StdioPipe initialized(McpConfig config) throws IOException {
        StdioPipe p = new StdioPipe(config);
        p.send("{\"jsonrpc\":\"2.0\",\"id\":\"init\",\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"stdio fuzz\",\"version\":\"1\"}}}");
        p.next(Duration.ofSeconds(10));
        p.send("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
        return p;
    }

    /** Writes one line (the newline is added). */
    void send(String line) {
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next line the server writes, parsed; fails after {@code timeout}. */
    JsonNode next(Duration timeout) {
        try {
            String line = stdout.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (line == null) {
                throw new AssertionError("no answer on stdout within " + timeout.toMillis() + " ms");
            }
            return JSON.readTree(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new AssertionError("stdout carried a line that is not JSON", e);
        }
    }

    /** The server's {@code /metrics} port (-1 without one). */
    int metricsPort() {
        return server.metricsPort();
    }

    /** Lines already written and not yet taken. */
    int pending() {
        return stdout.size();
    }

    @Override
    public void close() {
        try {
            stdin.close();
            server.awaitStopped();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
        }
    }

    /** Splits what is written into lines. */
    private static final class Lines extends OutputStream {
        private final BlockingQueue<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        Lines(BlockingQueue<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.add(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }
}
