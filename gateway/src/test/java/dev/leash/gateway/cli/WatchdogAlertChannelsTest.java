package dev.leash.gateway.cli;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code watchdog --config}: a stale heartbeat fires the gateway's configured alert channels. */
@Timeout(30)
class WatchdogAlertChannelsTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final String BOT_TOKEN = "123456:SECRET-bot-token";

    @TempDir
    Path dataDir;

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void startServer() {
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
    }

    @AfterEach
    void stopServer() {
        server.stop();
    }

    private int watchdog(Instant heartbeat) throws IOException {
        Files.writeString(dataDir.resolve("heartbeat.json"), "{\"wall_time\":\"" + heartbeat + "\","
                + "\"trading_state\":\"ACTIVE\"}\n");
        String base = "http://127.0.0.1:" + server.port();
        Path config = dataDir.resolve("gateway.yaml");
        Files.writeString(config, "alerts:\n  webhook:\n    url: " + base + "/hook\n  ntfy:\n    url: " + base
                + "/topic\n  telegram:\n    chat_id: '-10042'\n    base_url: " + base + "\n");
        return Main.run(new String[] {"watchdog", "--data-dir", dataDir.toString(), "--max-age", "120s",
                "--config", config.toString()}, Map.of("LEASH_TELEGRAM_BOT_TOKEN", BOT_TOKEN),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(2));
    }

    @Test
    void aStaleHeartbeatAlertsEveryConfiguredChannel() throws Exception {
        assertThat(watchdog(NOW.minusSeconds(600))).isEqualTo(5);

        server.verify(1, postRequestedFor(urlPathEqualTo("/hook"))
                .withRequestBody(containing("\"kind\":\"watchdog_too_old\""))
                .withRequestBody(containing("the gateway is silent")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/topic")).withRequestBody(containing("600 s old")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                .withRequestBody(containing("\"chat_id\":\"-10042\"")));
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain(BOT_TOKEN, "not delivered");
    }

    @Test
    void aFreshHeartbeatAlertsNobody() throws Exception {
        assertThat(watchdog(NOW.minusSeconds(30))).isZero();

        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aChannelThatFailsIsOneStderrLineWithoutTheToken() throws Exception {
        server.stubFor(post(urlPathEqualTo("/bot" + BOT_TOKEN + "/sendMessage"))
                .willReturn(aResponse().withStatus(500)));

        assertThat(watchdog(NOW.minusSeconds(600))).isEqualTo(5);

        server.verify(2, postRequestedFor(urlPathEqualTo("/bot" + BOT_TOKEN + "/sendMessage")));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("alert not delivered: telegram", "HTTP 500")
                .doesNotContain(BOT_TOKEN);
    }
}
