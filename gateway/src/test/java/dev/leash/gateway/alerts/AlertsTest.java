package dev.leash.gateway.alerts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.engine.StateChange;
import dev.leash.risk.TradingState;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(20)
class AlertsTest {

    private static final String TOKEN = "123456:SECRET-bot-token";
    private static final long T = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final StateChange HALT = new StateChange(T, TradingState.ACTIVE, TradingState.HALTED,
            "daily loss limit reached");
    private static final Alerts.Settings FAST = new Alerts.Settings(8, 3, Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    private Alerts alerts = Alerts.NONE;

    @BeforeEach
    void startServer() {
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        alerts.close();
        server.stop();
    }

    private String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private Alerts start(Alerts.Settings settings, Channel... channels) {
        alerts = Alerts.start(List.of(channels), settings, waits::add, logLines::add);
        return alerts;
    }

    private List<LoggedRequest> awaitRequests(String path, int n) {
        return Eventually.await(n + " requests to " + path, Duration.ofSeconds(10),
                () -> server.findAll(postRequestedFor(urlPathEqualTo(path))), r -> r.size() >= n);
    }

    @Test
    void eachChannelReceivesTheHaltAlertWithItsBody() {
        new AlertFeed(start(FAST, Channels.webhook(base() + "/hook"), Channels.ntfy(base() + "/leash-topic"),
                Channels.telegram(base(), TOKEN, "-10042"))).state(HALT);

        String text = "Leash: trading ACTIVE -> HALTED: daily loss limit reached";
        awaitRequests("/bot" + TOKEN + "/sendMessage", 1);
        server.verify(1, postRequestedFor(urlPathEqualTo("/hook"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"kind\":\"halted\",\"time\":\"2026-01-01T00:00:00Z\",\"text\":\""
                        + text + "\"}")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/leash-topic")).withRequestBody(equalTo(text)));
        server.verify(1, postRequestedFor(urlPathEqualTo("/bot" + TOKEN + "/sendMessage"))
                .withRequestBody(equalToJson("{\"chat_id\":\"-10042\",\"text\":\"" + text + "\"}")));
        assertThat(logLines).isEmpty();
    }

    @Test
    void alertsOnHaltAndOnReduceOnlyEnteredAndLeftButNotOnResumeFromHalt() {
        AlertFeed feed = new AlertFeed(start(FAST, Channels.webhook(base() + "/hook")));

        feed.state(new StateChange(T, TradingState.ACTIVE, TradingState.REDUCE_ONLY, "venue degraded"));
        feed.state(new StateChange(T, TradingState.REDUCE_ONLY, TradingState.ACTIVE, "venue healthy"));
        feed.state(new StateChange(T, TradingState.ACTIVE, TradingState.HALTED, "operator halt"));
        feed.state(new StateChange(T, TradingState.HALTED, TradingState.ACTIVE, "operator resume"));
        feed.middleLoopStalled(T, "middle loop has not completed for 180 s");

        List<LoggedRequest> got = awaitRequests("/hook", 4);
        assertThat(got).extracting(r -> r.getBodyAsString().replaceAll(".*\"kind\":\"([a-z_]+)\".*", "$1"))
                .containsExactly("reduce_only_entered", "reduce_only_left", "halted", "middle_loop_stalled");
    }

    @Test
    void aServerAnswering500TwiceThen200GetsExactlyThreeCalls() {
        server.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
        server.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
        server.stubFor(post(urlPathEqualTo("/flaky")).inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(aResponse().withStatus(200)).willSetStateTo("done"));
        Alerts a = start(FAST, Channels.webhook(base() + "/flaky"));

        a.offer(new Alert("halted", T, "first"));
        a.offer(new Alert("halted", T, "marker")); // delivered only after the first is done: one sender thread
        Eventually.await("the marker delivered", Duration.ofSeconds(10),
                () -> server.findAll(postRequestedFor(urlPathEqualTo("/flaky"))).stream()
                        .anyMatch(r -> r.getBodyAsString().contains("marker")), done -> done);

        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/flaky")))
                .stream().filter(r -> r.getBodyAsString().contains("first"))).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(a.failed()).isZero();
        assertThat(logLines).isEmpty();
    }

    @Test
    void aServerThatAlwaysFailsGetsThreeTriesAndOneLogLineWithoutTheQuery() {
        server.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
        Alerts a = start(FAST, Channels.webhook(base() + "/down?key=hunter2"));

        a.offer(new Alert("halted", T, "x"));

        Eventually.await("the delivery given up", Duration.ofSeconds(10), a::failed, n -> n == 1);
        server.verify(3, postRequestedFor(urlPathEqualTo("/down")));
        assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(logLines).singleElement().asString()
                .contains("webhook", "/down", "HTTP 503", "3 tries").doesNotContain("hunter2", "key=");
    }

    @Test
    void aDeadServerNeverBlocksThePublisher() throws Exception {
        CountDownLatch inBackoff = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        alerts = Alerts.start(List.of(Channels.webhook("http://127.0.0.1:" + deadPort() + "/hook")),
                new Alerts.Settings(2, 3, Duration.ofSeconds(1), Duration.ofSeconds(5)), d -> {
                    inBackoff.countDown();
                    release.await(); // the sender is stuck on the dead server for as long as the test wants
                }, logLines::add);
        try {
            assertThat(alerts.offer(new Alert("halted", T, "first"))).isTrue();
            assertThat(inBackoff.await(10, TimeUnit.SECONDS)).isTrue();

            long start = System.nanoTime();
            List<Boolean> accepted = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                accepted.add(alerts.offer(new Alert("halted", T, "more " + i)));
            }
            long tookMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(accepted).containsExactly(true, true, false, false, false);
            assertThat(alerts.dropped()).isEqualTo(3);
            assertThat(tookMillis).isLessThan(500);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aCallIsBoundedByTheTimeout() {
        server.stubFor(post(urlPathEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)));
        Alerts a = start(new Alerts.Settings(8, 1, Duration.ZERO, Duration.ofMillis(200)),
                Channels.ntfy(base() + "/slow"));

        a.offer(new Alert("halted", T, "x"));

        Eventually.await("the slow call given up", Duration.ofSeconds(4), a::failed, n -> n == 1);
        assertThat(logLines).singleElement().asString().contains("ntfy", "HttpTimeoutException");
    }

    @Test
    void theTelegramTokenNeverAppearsInALogLineOrExceptionMessage() throws Exception {
        server.stubFor(post(urlPathEqualTo("/bot" + TOKEN + "/sendMessage"))
                .willReturn(aResponse().withStatus(401).withBody("{\"description\":\"" + TOKEN + "\"}")));
        Channel failing = Channels.telegram(base(), TOKEN, "42");
        Channel dead = Channels.telegram("http://127.0.0.1:" + deadPort(), TOKEN, "42");
        Alerts a = start(new Alerts.Settings(8, 2, Duration.ZERO, Duration.ofSeconds(5)), failing, dead);

        a.offer(new Alert("halted", T, "x"));

        Eventually.await("both deliveries given up", Duration.ofSeconds(10), a::failed, n -> n == 2);
        assertThat(logLines).hasSize(2).allSatisfy(l -> assertThat(l).contains("telegram", "<token>")
                .doesNotContain(TOKEN, "SECRET"));
        assertThat(failing.toString()).doesNotContain(TOKEN);
        assertThat(failing.target()).doesNotContain(TOKEN);
        assertThatThrownBy(() -> Channels.telegram(base(), "12:bad token with spaces", "42"))
                .hasMessageNotContaining("bad token");
        server.verify(2, anyRequestedFor(urlPathEqualTo("/bot" + TOKEN + "/sendMessage")));
    }

    @Test
    void withoutChannelsNothingStartsAndOffersAreIgnored() {
        Alerts none = Alerts.start(List.of(), FAST);
        assertThat(none).isSameAs(Alerts.NONE);
        assertThat(none.offer(new Alert("halted", T, "x"))).isTrue();
        assertThat(none.dropped()).isZero();
    }

    private static int deadPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed at once: nothing listens there
        }
    }
}
