package dev.leash.gateway.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** A running gateway alerts the configured webhook on a halt, a stalled middle loop and REDUCE_ONLY in and out. */
@Timeout(60)
class AlertsGatewayTest {

    private final WireMockServer hook = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @TempDir
    Path dataDir;

    @BeforeEach
    void start() {
        hook.start();
        hook.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stop() {
        hook.stop();
    }

    @Test
    void theOperatorsHaltReachesTheWebhook() throws Exception {
        String yaml = "alerts:\n  webhook:\n    url: http://127.0.0.1:" + hook.port() + "/leash\n";
        try (RunningGateway gw = RunningGateway.start(dataDir, yaml)) {
            RunningGateway.Response r = gw.write("POST", "/api/trading-mode",
                    "{\"mode\": \"halted\", \"rationale\": \"exchange incident\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(200);

            List<LoggedRequest> got = Eventually.await("the halt alert", Duration.ofSeconds(20),
                    () -> hook.findAll(postRequestedFor(urlPathEqualTo("/leash"))),
                    l -> l.stream().anyMatch(q -> q.getBodyAsString().contains("\"halted\"")));
            assertThat(got).anySatisfy(q -> assertThat(q.getBodyAsString())
                    .contains("\"kind\":\"halted\"", "ACTIVE -> HALTED"));
        }
    }

    @Test
    void aStalledMiddleLoopAlertsAndReduceOnlyIsAlertedInAndOut() throws Exception {
        String yaml = "loops:\n  middle_seconds: 1\nalerts:\n  ntfy:\n    url: http://127.0.0.1:" + hook.port()
                + "/topic\n";
        try (RunningGateway gw = RunningGateway.start(dataDir, yaml)) {
            Eventually.await("the gateway trades", Duration.ofSeconds(15), () -> gw.get("/api/health").json(),
                    h -> "ACTIVE".equals(h.path("trading_state").asText()));

            synchronized (gw.gateway().middle()) { // no pass can run while the test holds the loop
                awaitTexts("the stall alerts", "Leash: middle loop stalled", "ACTIVE -> REDUCE_ONLY");
            }

            awaitTexts("the alert that REDUCE_ONLY is left", "REDUCE_ONLY -> ACTIVE");
        }
    }

    private void awaitTexts(String what, String... texts) {
        Eventually.await(what, Duration.ofSeconds(20),
                () -> hook.findAll(postRequestedFor(urlPathEqualTo("/topic"))).stream()
                        .map(LoggedRequest::getBodyAsString).toList(),
                bodies -> java.util.Arrays.stream(texts)
                        .allMatch(t -> bodies.stream().anyMatch(b -> b.contains(t))));
    }
}
