package dev.leash.gateway.alerts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.gateway.app.MutableClock;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.metrics.PrometheusText;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The digest of parameter proposals on a real gateway: one message per period, never one per proposal. */
@Timeout(60)
class ProposalDigestTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @TempDir
    Path dataDir;

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final MutableClock wall = new MutableClock(START);

    @BeforeEach
    void startServer() {
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        server.stubFor(post(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(503)));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private RunningGateway start(String extraAlerts) throws Exception {
        return RunningGateway.start(dataDir, "alerts:\n  proposals_digest: 15m\n  webhook:\n    url: http://127.0.0.1:"
                + server.port() + "/hook\n" + extraAlerts, RunningGateway.SPEED, wall);
    }

    private List<LoggedRequest> digests() {
        return server.findAll(postRequestedFor(urlPathEqualTo("/hook"))).stream()
                .filter(r -> r.getBodyAsString().contains("\"kind\":\"proposals_digest\"")).toList();
    }

    private static void put(RunningGateway gw, String changes, int status) {
        assertThat(gw.write("PUT", "/api/params", "{\"changes\": " + changes + ", \"rationale\": \"digest test\"}")
                .status()).isEqualTo(status);
    }

    @Test
    void twoAcceptedAndOneRejectedProposalMakeOneMessageWithVersionsAndRules() throws Exception {
        try (RunningGateway gw = start("")) {
            gw.gateway().alertTimer().tick(); // nothing proposed yet: nothing sent
            put(gw, "{\"max_position_pct\": 0.8}", 200);
            put(gw, "{\"max_position_pct\": 0.7}", 200);
            put(gw, "{\"max_position_pct\": 1000}", 422);

            gw.gateway().alertTimer().tick();

            List<LoggedRequest> got = Eventually.await("one digest", Duration.ofSeconds(10), this::digests,
                    l -> !l.isEmpty());
            assertThat(got).hasSize(1);
            assertThat(got.get(0).getBodyAsString()).contains("2 accepted, 1 rejected", "v2 proposal by",
                    "v3 proposal by", "bounds");
        }
    }

    @Test
    void aProposalWithinThePeriodWaitsForTheNextDigest() throws Exception {
        try (RunningGateway gw = start("")) {
            put(gw, "{\"max_position_pct\": 0.8}", 200);
            gw.gateway().alertTimer().tick();
            Eventually.await("the first digest", Duration.ofSeconds(10), this::digests, l -> l.size() == 1);

            put(gw, "{\"max_position_pct\": 0.7}", 200);
            put(gw, "{\"max_position_pct\": 0.6}", 200);
            wall.set(START.plus(Duration.ofMinutes(14)));
            gw.gateway().alertTimer().tick();
            wall.set(START.plus(Duration.ofMinutes(15)));
            gw.gateway().alertTimer().tick();

            List<LoggedRequest> got = Eventually.await("the second digest", Duration.ofSeconds(10), this::digests,
                    l -> l.size() == 2);
            assertThat(got.get(1).getBodyAsString()).contains("2 accepted, 0 rejected", "v3", "v4")
                    .doesNotContain("v2 ");
        }
    }

    @Test
    void metricsCountSentAndFailedAlertsByChannel() throws Exception {
        try (RunningGateway gw = start("  ntfy:\n    url: http://127.0.0.1:" + server.port() + "/down\n")) {
            put(gw, "{\"max_position_pct\": 0.8}", 200);
            gw.gateway().alertTimer().tick();

            PrometheusText m = Eventually.await("the ntfy delivery given up", Duration.ofSeconds(20),
                    () -> PrometheusText.parse(gw.get("/metrics").body()),
                    t -> t.value("leash_alerts_failed_total", Map.of("channel", "ntfy")) == 1);
            assertThat(m.type("leash_alerts_sent_total")).isEqualTo("counter");
            assertThat(m.value("leash_alerts_sent_total", Map.of("channel", "webhook"))).isEqualTo(1);
            assertThat(m.value("leash_alerts_sent_total", Map.of("channel", "ntfy"))).isZero();
            assertThat(m.value("leash_alerts_failed_total", Map.of("channel", "webhook"))).isZero();
            assertThat(m.value("leash_alerts_dropped_total")).isZero();
            server.verify(3, postRequestedFor(urlPathEqualTo("/down")));
        }
    }
}
