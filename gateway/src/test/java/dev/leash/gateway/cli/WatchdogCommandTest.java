package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code leash-gateway watchdog}: one exit code and one stderr line per finding, and an alert to the webhook. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class WatchdogCommandTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String SECRET = "sk-live-7f3a9c2e11d04b5f";

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private HttpServer server;
    private final java.util.concurrent.ExecutorService handlers = java.util.concurrent.Executors.newCachedThreadPool();

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop(0);
        }
        handlers.shutdownNow();
    }

    private void heartbeat(Instant wall, String state) throws IOException {
        Files.writeString(dataDir.resolve("heartbeat.json"), "{\"wall_time\":\"" + wall + "\",\"venue\":\"simulated\","
                + "\"params_version\":3,\"trading_state\":\"" + state + "\"}\n");
    }

    private int watchdog(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "watchdog";
        args[1] = "--data-dir";
        args[2] = dataDir.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK, Duration.ofSeconds(2));
    }

    private List<String> errLines() {
        String s = err.toString(StandardCharsets.UTF_8);
        return s.isEmpty() ? List.of() : List.of(s.split("\n"));
    }

    @Test
    void exitsZeroQuietlyOnStderrWhenTheHeartbeatIsFreshAndActive() throws Exception {
        heartbeat(NOW.minusSeconds(30), "ACTIVE");

        assertThat(watchdog("--max-age", "120s")).isZero();
        assertThat(errLines()).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("30 s old", "ACTIVE");
    }

    @Test
    void saysTheGatewayIsSilentWhenTheHeartbeatIsOlderThanMaxAge() throws Exception {
        heartbeat(NOW.minusSeconds(121), "ACTIVE");

        assertThat(watchdog("--max-age", "2m")).isEqualTo(5);
        assertThat(errLines()).singleElement().asString().contains("121 s old", "max 120 s", "silent");
    }

    @Test
    void saysSoWhenTheHeartbeatIsMissing() throws Exception {
        assertThat(watchdog()).isEqualTo(3);
        assertThat(errLines()).singleElement().asString().contains("no heartbeat", "heartbeat.json");
    }

    @Test
    void neverPrintsTheContentOfAnUnreadableHeartbeat() throws Exception {
        Files.writeString(dataDir.resolve("heartbeat.json"), "{\"wall_time\": " + SECRET + " garbage");

        assertThat(watchdog()).isEqualTo(4);
        assertThat(errLines()).singleElement().asString().contains("unreadable").doesNotContain(SECRET, "garbage");
    }

    @Test
    void aHeartbeatWithoutAWallTimeIsUnreadable() throws Exception {
        Files.writeString(dataDir.resolve("heartbeat.json"), "{\"trading_state\":\"ACTIVE\"}");

        assertThat(watchdog()).isEqualTo(4);
        assertThat(errLines()).singleElement().asString().contains("no valid wall_time");
    }

    @Test
    void haltedAndReduceOnlyHaveTheirOwnExitCodes() throws Exception {
        heartbeat(NOW.minusSeconds(5), "HALTED");
        assertThat(watchdog()).isEqualTo(6);
        heartbeat(NOW.minusSeconds(5), "REDUCE_ONLY");
        assertThat(watchdog()).isEqualTo(7);
        heartbeat(NOW.minusSeconds(5), "PAUSED");
        assertThat(watchdog()).isEqualTo(8);
        assertThat(errLines()).hasSize(3).allSatisfy(l -> assertThat(l).contains("expected ACTIVE"));
    }

    @Test
    void aStateTheOperatorExpectsIsFine() throws Exception {
        heartbeat(NOW.minusSeconds(5), "PAUSED");

        assertThat(watchdog("--expect", "active,paused")).isZero();
    }

    @Test
    void aBadMaxAgeOrStateIsAUsageErrorThroughMain() {
        ByteArrayOutputStream mainErr = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(mainErr, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);

        assertThat(Main.run(new String[]{"watchdog", "--data-dir", dataDir.toString(), "--max-age", "soon"}, Map.of(),
                o, e)).isEqualTo(2);
        assertThat(Main.run(new String[]{"watchdog", "--data-dir", dataDir.toString(), "--expect", "RUNNING"},
                Map.of(), o, e)).isEqualTo(2);
        assertThat(Main.run(new String[]{"watchdog"}, Map.of(), o, e)).isEqualTo(2);
        assertThat(mainErr.toString(StandardCharsets.UTF_8))
                .contains("--max-age must be a positive duration", "--expect takes states", "needs --data-dir");
    }

    @Test
    void postsOneAlertToTheWebhookRetryingOnceAfterAServerError() throws Exception {
        heartbeat(NOW.minusSeconds(600), "ACTIVE");
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        String url = webhook(exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });

        assertThat(watchdog("--webhook", url)).isEqualTo(5);

        assertThat(calls).hasValue(2);
        JsonNode alert = new ObjectMapper().readTree(bodies.get(1));
        assertThat(alert.path("severity").asText()).isEqualTo("critical");
        assertThat(alert.path("check").asText()).isEqualTo("too_old");
        assertThat(alert.path("age_seconds").asLong()).isEqualTo(600);
        assertThat(alert.path("data_dir").asText()).isEqualTo(dataDir.toAbsolutePath().toString());
        assertThat(alert.path("text").asText()).contains("600 s old");
        assertThat(errLines()).hasSize(1);
    }

    @Test
    void sendsNoAlertWhenAllIsWell() throws Exception {
        heartbeat(NOW.minusSeconds(1), "ACTIVE");
        AtomicInteger calls = new AtomicInteger();
        String url = webhook(exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });

        assertThat(watchdog("--webhook", url)).isZero();
        assertThat(calls).hasValue(0);
    }

    @Test
    void aWebhookThatKeepsFailingIsReportedWithoutItsUrlAndKeepsTheCheckExitCode() throws Exception {
        heartbeat(NOW.minusSeconds(5), "HALTED");
        AtomicInteger calls = new AtomicInteger();
        String url = webhook(exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        }) + "?token=" + SECRET;

        assertThat(watchdog("--webhook", url)).isEqualTo(6);

        assertThat(calls).hasValue(2);
        assertThat(errLines()).hasSize(2).last().asString()
                .contains("alert not delivered: HTTP 500 after 2 attempts").doesNotContain(SECRET);
    }

    @Test
    void aWebhookThatNeverAnswersTimesOutAndTheCheckStillExits() throws Exception {
        heartbeat(NOW.minusSeconds(5), "HALTED");
        String url = webhook(exchange -> {
            // read the request, never answer: the watchdog's timeout ends the wait
            exchange.getRequestBody().readAllBytes();
        });

        long started = System.nanoTime();
        assertThat(watchdog("--webhook", url)).isEqualTo(6);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(errLines()).last().asString().contains("alert not delivered", "HttpTimeoutException");
    }

    private String webhook(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/alert", handler);
        server.setExecutor(handlers);
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alert";
    }
}
