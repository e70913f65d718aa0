package dev.leash.gateway.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
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
 * A gateway on a live venue (WireMock Bybit): a change of the account's equity reaches the engine within a
 * middle-loop pass (here one second), not at the next 5-minute bar.
 */
class LiveEquityGatewayTest {

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        bybit.stop();
    }

    @Test
    @Timeout(60)
    void equityIsAtMostOneMiddleLoopPassOld() throws Exception {
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
                "symbols: [BTCUSDT, ETHUSDT]", "loops:", "  middle_seconds: 1", "baseline_reset:",
                "  schedule: 'off'", ""));
        Map<String, String> env = Map.of("LEASH_VENUE", "bybit-testnet", "LEASH_VENUE_BASE_URL", bybit.baseUrl(),
                "LEASH_BYBIT_API_KEY", "test-key-0001", "LEASH_BYBIT_API_SECRET", "test-secret-never-shown-1",
                "LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN);
        GatewayConfig c = ConfigLoader.load(config, env, new ConfigLoader.Overrides(dir.resolve("data"), 0, null));

        try (Gateway g = Gateway.start(c, env, Clock.systemUTC())) {
            assertThat(g.inner().account().getAsDouble()).isEqualTo(10_050.25);

            bybit.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(bybitJson("account-wallet-balance").replace("\"10050.25\"", "\"9700.25\""))));

            Eventually.await("the new equity in the engine", Duration.ofSeconds(10),
                    () -> g.inner().account().getAsDouble(), e -> e == 9_700.25);
        }
    }
}
