package dev.leash.mcp.internal;

import dev.leash.mcp.McpConfig;
import dev.leash.mcp.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The body deadline, the body size limit, the idle timeout and the connection cap, with tight limits. */
@Timeout(60)
class HttpLimitsTest {

    private static final String TOKEN = "limits-test-token-0123456789";
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\"}}}";

    @TempDir
    Path dir;
    private final TestGateway gateway = new TestGateway();
    private HttpHosting hosting;

    @AfterEach
    void stop() {
        if (hosting != null) {
            hosting.stop();
        }
        gateway.close();
    }

    private void start(HttpLimits limits) {
        McpConfig config = TestGateway.config(McpConfig.Transport.HTTP, gateway.url(), dir);
        hosting = HttpHosting.start("127.0.0.1", 0, TOKEN, null, List.of(), config, limits);
    }

    private Socket open() throws IOException {
        Socket s = new Socket("127.0.0.1", hosting.port());
        s.setSoTimeout(5_000);
        return s;
    }

    private String head(String framing) {
        return "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + hosting.port() + "\r\nAuthorization: Bearer " + TOKEN
                + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n" + framing + "\r\n";
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Everything the server sends until it closes the connection (fails after the socket's 5 s timeout). */
    private static String untilClosed(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIsAnswered408AndItsConnectionClosed() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(30), Duration.ofMillis(500), 1024, 16));
        try (Socket s = open()) {
            write(s, head("Content-Length: 100\r\n") + "{\"jsonrpc\"");

            String answer = untilClosed(s);

            assertThat(answer).startsWith("HTTP/1.1 408").contains("\"code\":-32600",
                    "the request body did not arrive within");
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsAnswered413() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(5), 1024, 16));
        try (Socket s = open()) {
            String chunk = "x".repeat(2000);
            write(s, head("Transfer-Encoding: chunked\r\n") + Integer.toHexString(chunk.length()) + "\r\n" + chunk
                    + "\r\n0\r\n\r\n");

            assertThat(untilClosed(s)).startsWith("HTTP/1.1 413").contains("larger than 1024 bytes");
        }
    }

    @Test
    void aDeclaredBodyOverTheLimitIsAnswered413BeforeItIsRead() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(5), 1024, 16));
        try (Socket s = open()) {
            write(s, head("Content-Length: 5000\r\n"));

            assertThat(untilClosed(s)).startsWith("HTTP/1.1 413").contains("larger than 1024 bytes");
        }
    }

    @Test
    void aConnectionThatFallsSilentMidHeadersIsClosedAfterTheIdleTimeout() throws Exception {
        start(new HttpLimits(Duration.ofMillis(500), Duration.ofSeconds(5), 1024, 16));
        try (Socket s = open()) {
            write(s, "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1");

            assertThat(untilClosed(s)).doesNotContain("<html");
        }
    }

    @Test
    void connectionsPastTheCapWaitUntilOneCloses() throws Exception {
        start(new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(5), 4096, 2));
        Socket first = open();
        try (Socket second = open(); Socket third = open()) {
            write(first, head("Content-Length: 1\r\n"));
            write(second, head("Content-Length: 1\r\n"));
            write(third, head("Content-Length: " + PING.length() + "\r\nConnection: close\r\n") + PING);
            third.setSoTimeout(500);

            assertThatThrownBy(() -> third.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            first.close();
            third.setSoTimeout(5_000);
            assertThat(untilClosed(third)).startsWith("HTTP/1.1 200");
        } finally {
            first.close();
        }
    }
}
