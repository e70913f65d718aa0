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
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway on a live venue (WireMock Bybit) that bans the IP for a second: the engine goes REDUCE_ONLY, and once the
 * venue has answered normally for the configured recovery time it trades again by itself, journaled both ways.
 */
class VenueRecoveryTest {

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        bybit.stop();
    }

    @Test
    @Timeout(90)
    void reduceOnlyFromAnIpBanLiftsOnceTheVenueIsHealthyAgain() throws Exception {
        bybit.start();
        for (String[] s : new String[][] {{"/v5/market/instruments-info", "market-instruments-info"},
                {"/v5/market/kline", "market-kline"}, {"/v5/market/time", "market-time"},
                {"/v5/position/list", "position-list-empty"}, {"/v5/account/wallet-balance", "account-wallet-balance"},
                {"/v5/execution/list", "execution-list-empty"}, {"/v5/order/realtime", "order-realtime-empty"},
                {"/v5/market/tickers", "market-tickers"}}) {
            bybit.stubFor(get(urlPathEqualTo(s[0])).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(bybitJson(s[1]))));
        }
        Path config = Files.writeString(dir.resolve("gateway.yaml"), String.join("\n",
                "symbols: [BTCUSDT, ETHUSDT]", "loops:", "  middle_seconds: 1", "  venue_recovery_seconds: 2",
                "baseline_reset:", "  schedule: 'off'", ""));
        Map<String, String> env = Map.of("LEASH_VENUE", "bybit-testnet", "LEASH_VENUE_BASE_URL", bybit.baseUrl(),
                "LEASH_BYBIT_API_KEY", "test-key-0001", "LEASH_BYBIT_API_SECRET", "test-secret-never-shown-1",
                "LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN);
        GatewayConfig c = ConfigLoader.load(config, env, new ConfigLoader.Overrides(dir.resolve("data"), 0, null));

        try (Gateway g = Gateway.start(c, env, Clock.systemUTC())) {
            var ban = bybit.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(403)
                    .withHeader("Retry-After", "1")));
            Eventually.await("REDUCE_ONLY after the ban", Duration.ofSeconds(30), () -> g.inner().snapshot(),
                    s -> s != null && s.state() == TradingState.REDUCE_ONLY);
            bybit.removeStub(ban); // the venue answers again

            EngineSnapshot back = Eventually.await("ACTIVE after the recovery time", Duration.ofSeconds(30),
                    () -> g.inner().snapshot(), s -> s.state() == TradingState.ACTIVE);

            assertThat(back.state()).isEqualTo(TradingState.ACTIVE);
            assertThat(g.journal().events("venue", 20)).extracting(JournalEvent::message)
                    .anyMatch(m -> m.contains("IP ban until"))
                    .anyMatch(m -> m.contains("REDUCE_ONLY lifted"));
            assertThat(g.journal().events("state", 20)).extracting(JournalEvent::message)
                    .anyMatch(m -> m.startsWith("ACTIVE -> REDUCE_ONLY: venue bybit degraded"))
                    .anyMatch(m -> m.startsWith("REDUCE_ONLY -> ACTIVE: venue bybit healthy for"));
        }
    }
}
