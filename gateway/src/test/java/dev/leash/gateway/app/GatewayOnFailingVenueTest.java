package dev.leash.gateway.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.journal.JournalEvent;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.risk.TradingState;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway on a live venue (WireMock Bybit) that goes down after start: the faults are journaled, the circuit
 * breaker opens, the engine goes REDUCE_ONLY, health says why, and no order is sent.
 */
class GatewayOnFailingVenueTest {

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        bybit.stop();
    }

    @Test
    @Timeout(90)
    void openBreakerMovesTheEngineToReduceOnlyAndHealthSaysWhy() throws Exception {
        bybit.start();
        for (String[] s : new String[][] {{"/v5/market/instruments-info", "market-instruments-info"},
                {"/v5/market/kline", "market-kline"}, {"/v5/market/time", "market-time"},
                {"/v5/position/list", "position-list-empty"}, {"/v5/account/wallet-balance", "account-wallet-balance"},
                {"/v5/execution/list", "execution-list-empty"}, {"/v5/order/realtime", "order-realtime-empty"}}) {
            bybit.stubFor(get(urlPathEqualTo(s[0])).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(bybitJson(s[1]))));
        }
        bybit.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(bybitJson("market-tickers"))));
        Path config = Files.writeString(dir.resolve("gateway.yaml"), String.join("\n",
                "symbols: [BTCUSDT, ETHUSDT]", "loops:", "  middle_seconds: 1", "baseline_reset:",
                "  schedule: 'off'", ""));
        Map<String, String> env = Map.of("LEASH_VENUE", "bybit-testnet", "LEASH_VENUE_BASE_URL", bybit.baseUrl(),
                "LEASH_BYBIT_API_KEY", "test-key-0001", "LEASH_BYBIT_API_SECRET", "test-secret-never-shown-1",
                "LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN);
        GatewayConfig c = ConfigLoader.load(config, env, new ConfigLoader.Overrides(dir.resolve("data"), 0, null));

        try (Gateway g = Gateway.start(c, env, Clock.systemUTC())) {
            bybit.resetMappings(); // the venue goes down: every endpoint answers 503
            bybit.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(urlPathMatching("/.*"))
                    .willReturn(aResponse().withStatus(503)));
            EngineSnapshot snap = Eventually.await("REDUCE_ONLY after the breaker opens", Duration.ofSeconds(60),
                    () -> g.inner().snapshot(),
                    s -> s != null && s.state() == TradingState.REDUCE_ONLY);
            assertThat(snap.errors()).isPositive();
            assertThat(g.venueHealth()).isNotNull();
            assertThat(g.venueHealth().degraded(System.currentTimeMillis())).isTrue();
            List<JournalEvent> venueEvents = g.journal().events("venue", 10);
            assertThat(venueEvents).anySatisfy(e -> assertThat(e.message()).contains("degraded"));
            assertThat(g.journal().events("fault", 10)).anySatisfy(e -> assertThat(e.message()).contains("ticker"));
            assertThat(g.journal().events("state", 10)).anySatisfy(e -> assertThat(e.message())
                    .contains("ACTIVE -> REDUCE_ONLY"));
            for (JournalEvent e : g.journal().events(null, 200)) {
                assertThat(e.message()).doesNotContain("test-secret-never-shown-1");
            }
        }
        bybit.verify(0, postRequestedFor(urlPathMatching("/v5/order/.*")));
    }
}
