package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three hundred clients that send a write's headers and then dribble its body a byte a second (slowloris, with the
 * token) do not keep the REST API from answering a normal read.
 */
@Timeout(60)
class SlowClientsTest {

    private static final int DRIBBLERS = 300;

    @TempDir
    static Path dataDir;
    static RunningGateway gw;

    @BeforeAll
    @Timeout(30)
    static void start() throws Exception {
        gw = RunningGateway.start(dataDir);
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    @Test
    void clientsDribblingWriteBodiesDoNotStarveAReader() throws Exception {
        String large = "{\"changes\":{},\"rationale\":\"" + "r".repeat(60_000) + "\"}";
        for (int i = 0; i < 30; i++) {
            gw.write("PUT", "/api/params", large); // traffic first: the limit is per request, not per server
        }
        List<Socket> dribblers = new ArrayList<>();
        ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
        try {
            String head = "PUT /api/params HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + RunningGateway.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n"
                    + "{\"changes\":";
            for (int i = 0; i < DRIBBLERS; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), gw.gateway().port());
                s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                dribblers.add(s);
            }
            drip.scheduleAtFixedRate(() -> dribblers.forEach(SlowClientsTest::oneByte), 1, 1, TimeUnit.SECONDS);

            long start = System.nanoTime();
            Response r = RawHttp.send(gw.gateway().port(), "GET", "/api/health", java.util.Map.of("Host", "127.0.0.1"),
                    null);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(r.status()).isEqualTo(200);
            assertThat(millis).as("a read while %d clients dribble", DRIBBLERS).isLessThan(8_000);
        } finally {
            drip.shutdownNow();
            for (Socket s : dribblers) {
                s.close();
            }
        }
    }

    @Test
    void aBodyThatDribblesIsRefusedWith408AndAProblem() throws Exception {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gw.gateway().port())) {
            s.setSoTimeout(500);
            s.getOutputStream().write(("PUT /api/params HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                    + RunningGateway.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            StringBuilder answer = new StringBuilder();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (System.nanoTime() < deadline) {
                try {
                    int n = s.getInputStream().read();
                    if (n < 0) {
                        break;
                    }
                    answer.append((char) n);
                } catch (java.net.SocketTimeoutException quiet) {
                    oneByte(s);
                }
            }

            assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("application/problem+json",
                    "the request body arrived slower than 1024 bytes a second");
        }
    }

    @Test
    void aSmallBodyArrivingInTwoSegments300MillisApartIsAnsweredNot408() throws Exception {
        byte[] body = "{\"mode\":\"paused\",\"dry_run\":true,\"rationale\":\"x\"}"
                .getBytes(StandardCharsets.US_ASCII);
        String head = "POST /api/trading-mode HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + RunningGateway.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gw.gateway().port())) {
            s.setTcpNoDelay(true);
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 20);
            out.flush();
            later.schedule(() -> {
                out.write(body, 20, body.length - 20);
                out.flush();
                return null;
            }, 300, TimeUnit.MILLISECONDS).get();

            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 200").contains("\"dry_run\":true");
        } finally {
            later.shutdownNow();
        }
    }

    private static void oneByte(Socket s) {
        try {
            OutputStream out = s.getOutputStream();
            out.write(' ');
            out.flush();
        } catch (IOException closedByTheServer) {
            // expected once the gateway gives up on this client
        }
    }
}
