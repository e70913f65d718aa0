package dev.leash.mcp.internal;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.leash.mcp.TestGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.leash.mcp.McpConfig.Transport.STDIO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class GatewayClientTest {

    private final Path dir = Path.of("target");
    private final TestGateway gateway = new TestGateway();
    private final GatewayClient client = GatewayClient.create(TestGateway.config(STDIO, gateway.url(), dir));

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void retriesAReadThatFailedWith500() throws Exception {
        gateway.wm.stubFor(get(urlPathEqualTo("/api/state")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(TestGateway.json(500, "{\"detail\":\"boom\"}")).willSetStateTo("recovered"));
        gateway.wm.stubFor(get(urlPathEqualTo("/api/state")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(TestGateway.json(200, "{\"equity\":1}")));

        GatewayReply reply = client.get("/api/state", Map.of());

        assertThat(reply.ok()).isTrue();
        gateway.wm.verify(2, getRequestedFor(urlPathEqualTo("/api/state")));
    }

    @Test
    void neverRetriesAWriteThatFailedWith500() throws Exception {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params"))
                .willReturn(TestGateway.json(500, "{\"status\":500,\"detail\":\"the gateway could not answer\"}")));

        GatewayReply reply = client.send("PUT", "/api/params", Json.object().put("rationale", "r"), "Test");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.detail()).isEqualTo("the gateway could not answer");
        gateway.wm.verify(1, putRequestedFor(urlPathEqualTo("/api/params")));
    }

    @Test
    void refusedConnectionIsAClearErrorWithinThreeSeconds() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        GatewayClient dead = GatewayClient.create(TestGateway.config(STDIO, "http://127.0.0.1:" + closedPort, dir));
        long start = System.nanoTime();

        assertThatThrownBy(() -> dead.get("/api/state", Map.of()))
                .isInstanceOf(GatewayException.class)
                .hasMessageContaining("unreachable").hasMessageContaining(String.valueOf(closedPort));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void slowGatewayIsAClearErrorWithinThreeSeconds() {
        gateway.wm.stubFor(get(urlPathEqualTo("/api/state")).willReturn(aResponse().withFixedDelay(5_000)
                .withStatus(200).withBody("{}")));
        long start = System.nanoTime();

        assertThatThrownBy(() -> client.get("/api/state", Map.of()))
                .isInstanceOf(GatewayException.class).hasMessageContaining("did not answer");
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void bodyThatIsNotJsonIsAClearError() {
        gateway.wm.stubFor(get(urlPathEqualTo("/api/state")).willReturn(aResponse().withStatus(200)
                .withBody("<html>oops</html>")));

        assertThatThrownBy(() -> client.get("/api/state", Map.of()))
                .isInstanceOf(GatewayException.class).hasMessageContaining("not a JSON object");
    }

    @Test
    void cachesFundingWithinItsTtl() throws Exception {
        client.getCached("/api/funding", Map.of("symbols", "BTCUSDT"));
        client.getCached("/api/funding", Map.of("symbols", "BTCUSDT"));
        client.getCached("/api/funding", Map.of("symbols", "ETHUSDT"));

        gateway.wm.verify(2, getRequestedFor(urlPathEqualTo("/api/funding")));
    }

    @Test
    void opensTheCircuitAfterRepeatedFailuresAndStopsCallingTheGateway() throws Exception {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(503, "{\"detail\":\"x\"}")));
        for (int i = 0; i < 5; i++) {
            client.send("PUT", "/api/params", Json.object(), "Test");
        }

        assertThatThrownBy(() -> client.send("PUT", "/api/params", Json.object(), "Test"))
                .isInstanceOf(GatewayException.class).hasMessageContaining("circuit open");
        gateway.wm.verify(5, putRequestedFor(urlPathEqualTo("/api/params")));
    }

    @Test
    void sendsTheGatewayTokenAndTheClientName() throws Exception {
        gateway.wm.stubFor(put(urlPathEqualTo("/api/params")).willReturn(TestGateway.json(200, "{}")));

        client.send("PUT", "/api/params", Json.object(), "Claude Code via mcp-token");

        gateway.wm.verify(putRequestedFor(urlPathEqualTo("/api/params"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Bearer " + TestGateway.TOKEN))
                .withHeader("X-Leash-Client", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "Claude Code via mcp-token")));
    }

    @Test
    void aNamedGatewaysWritesNameItAfterTheClientWithinTheGatewaysHundredCharacters() {
        String longest = "x".repeat(60) + " via " + "p".repeat(40);
        String name = "g".repeat(32);

        assertThat(GatewayClient.clientHeader("Claude Code via mcp-token", "lmex"))
                .isEqualTo("Claude Code via mcp-token to gateway lmex");
        assertThat(GatewayClient.clientHeader(longest, name)).hasSizeLessThanOrEqualTo(100)
                .endsWith(" to gateway " + name);
        assertThat(GatewayClient.clientHeader("Claude Code", null)).isEqualTo("Claude Code");
    }
}
