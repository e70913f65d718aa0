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

/** A running gateway alerts the configured webhook when the operator halts trading. */
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
}
