package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/events} over a real HTTP client: live decisions and param changes, ids, resumption. */
@Timeout(60)
class EventsEndpointTest {

    private static final Duration SOON = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private static String url() {
        return gw.gateway().baseUrl() + "/api/events";
    }

    @Test
    void streamsTheInnerLoopsDecisionsEachWithAnId() throws Exception {
        try (SseClient sse = SseClient.open(url(), Map.of())) {
            assertThat(sse.status()).isEqualTo(200);
            assertThat(sse.contentType()).startsWith("text/event-stream");

            SseClient.Event d = sse.await("a decision", SOON, e -> e.type().equals("decision"));

            assertThat(Long.parseLong(d.id())).isPositive();
            JsonNode data = JSON.readTree(d.data());
            assertThat(data.path("symbol").asText()).isIn("BTCUSDT", "ETHUSDT", "SOLUSDT");
            assertThat(data.path("action").asText()).isNotBlank();
            assertThat(data.path("reason").asText()).isNotBlank();
        }
    }

    @Test
    void aParamChangeOverRestArrivesAsAParamsEvent() throws Exception {
        try (SseClient sse = SseClient.open(url(), Map.of())) {
            Response put = gw.write("PUT", "/api/params",
                    "{\"changes\": {\"stop_loss_pct\": 1.9}, \"rationale\": \"events test\"}");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            long version = put.json().path("version").asLong();

            SseClient.Event p = sse.await("the params event of version " + version, SOON,
                    e -> e.type().equals("params") && e.data().contains("\"version\":" + version));

            assertThat(p.id()).isNotBlank();
        }
    }

    @Test
    void resumesFromLastEventIdWithTheEventsMissedInBetween() throws Exception {
        SseClient.Event first;
        SseClient.Event second;
        try (SseClient sse = SseClient.open(url(), Map.of())) {
            first = sse.await("an event", SOON, e -> e.id() != null);
            second = sse.await("a later event", SOON, e -> Long.parseLong(e.id()) > Long.parseLong(first.id()));
        }

        try (SseClient again = SseClient.open(url(), Map.of("Last-Event-ID", first.id()))) {
            SseClient.Event next = again.await("the first event after " + first.id(), SOON, e -> e.id() != null);

            assertThat(next.id()).isEqualTo(second.id());
            assertThat(next.data()).isEqualTo(second.data());
        }
    }

    @Test
    void anIdFromAnotherRunGetsAResetEvent() throws Exception {
        try (SseClient sse = SseClient.open(url(), Map.of("Last-Event-ID", "42"))) {
            SseClient.Event reset = sse.await("a reset", SOON, e -> true);

            assertThat(reset.type()).isEqualTo("reset");
            assertThat(Long.parseLong(reset.id())).isGreaterThan(42);
        }
    }

    @Test
    void aFollowingClientNeverHoldsUpTheGatewaysStop(@TempDir Path ownDir) throws Exception {
        RunningGateway own = RunningGateway.start(ownDir);
        try (SseClient sse = SseClient.open(own.gateway().baseUrl() + "/api/events", Map.of())) {
            sse.await("a first event", SOON, e -> true);

            long start = System.nanoTime();
            own.close();

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(own.gateway().events().clients()).isZero();
        }
    }

    @Test
    void refusesAMalformedLastEventIdWithAProblem() {
        Response r = gw.send("GET", "/api/events", null, Map.of("Last-Event-ID", "yesterday"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains("Last-Event-ID must be the id of an event");
    }

    @Test
    void refusesAForeignHostLikeEveryRoute() throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gw.gateway().port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /api/events HTTP/1.1\r\nHost: evil.example\r\n"
                    + "Accept: text/event-stream\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(raw).startsWith("HTTP/1.1 421");
        }
    }
}
