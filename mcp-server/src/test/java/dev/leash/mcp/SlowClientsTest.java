package dev.leash.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Clients that send their request bodies slowly hold connections, never the threads a normal client needs. */
@Timeout(60)
class SlowClientsTest {

    private static final int SLOW_CLIENTS = 300;
    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    @TempDir
    Path dir;

    @Test
    void threeHundredClientsDribblingTheirHeadersOrBodiesDoNotStarveANormalClient() throws Exception {
        ScheduledExecutorService dribble = Executors.newSingleThreadScheduledExecutor();
        List<Socket> slow = new ArrayList<>();
        TestGateway gateway = new TestGateway();
        McpHttpServer server = McpHttpServer.start(gateway.httpConfig(dir));
        try {
            String headers = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer "
                    + server.token() + "\r\nContent-Type: application/json\r\nAccept: application/json, "
                    + "text/event-stream\r\nContent-Length: 100000\r\n\r\n{\"jsonrpc\"";
            String slowHeaders = "POST /mcp HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nX-Slow: ";
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write((i % 3 == 0 ? slowHeaders : headers).getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            // One byte per connection every 200 ms (a third into a header, the rest into the body): each keeps its
            // request alive, none ever completes it.
            dribble.scheduleAtFixedRate(() -> slow.forEach(SlowClientsTest::oneByte), 0, 200, TimeUnit.MILLISECONDS);

            long start = System.nanoTime();
            HttpResponse<String> init = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url()))
                    .timeout(Duration.ofSeconds(5))
                    .header("Authorization", "Bearer " + server.token()).header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString(INIT)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(init.statusCode()).isEqualTo(200);
            assertThat(init.headers().firstValue("Mcp-Session-Id")).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            dribble.shutdownNow();
            assertThat(dribble.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
            for (Socket s : slow) {
                s.close();
            }
            server.close();
            gateway.close();
        }
    }

    private static void oneByte(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closedByTheServer) {
            // The server may close a slow connection; that is what it should do.
        }
    }
}
