package dev.leash.gateway.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.journal.Journal;
import dev.leash.venue.bybit.BybitVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Choosing a venue: the config key or LEASH_VENUE, keys from the environment only, any base URL. */
@Timeout(30)
class VenuesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_704_070_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stop() {
        bybit.stop();
    }

    @Test
    void liveVenueWithoutKeysFailsAtStartNamingTheVariable() throws Exception {
        GatewayConfig c = config(Map.of("LEASH_VENUE", "bybit-testnet"));
        try (Journal j = journal()) {
            assertThatThrownBy(() -> Venues.open(c, Map.of(), j, CLOCK, h -> { }))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("venue bybit-testnet trades with your API keys: set LEASH_BYBIT_API_KEY");
            assertThatThrownBy(() -> Venues.open(c, Map.of("LEASH_BYBIT_API_KEY", "k-123"), j, CLOCK, h -> { }))
                    .hasMessageContaining("LEASH_BYBIT_API_SECRET");
        }
    }

    @Test
    void lmexWithoutKeysFailsAtStartNamingTheVariable() throws Exception {
        GatewayConfig c = config(Map.of("LEASH_VENUE", "lmex-testnet"));
        try (Journal j = journal()) {
            assertThatThrownBy(() -> Venues.open(c, Map.of(), j, CLOCK, h -> { }))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("venue lmex-testnet trades with your API keys: set LEASH_LMEX_API_KEY");
        }
    }

    @Test
    void liveVenueTakesItsKeysFromTheEnvironmentAndTheBaseUrlOverride() throws Exception {
        stubMarketData();
        Map<String, String> env = Map.of("LEASH_VENUE", "bybit", "LEASH_VENUE_BASE_URL", bybit.baseUrl(),
                "LEASH_BYBIT_API_KEY", "test-key-123", "LEASH_BYBIT_API_SECRET", "secret-never-printed-123");
        GatewayConfig c = config(env);
        try (Journal j = journal()) {
            Venues.Opened v = Venues.open(c, env, j, CLOCK, h -> { });
            assertThat(v.venue()).isInstanceOf(BybitVenue.class);
            assertThat(v.venue().instruments()).extracting(i -> i.symbol()).contains("BTCUSDT");
            assertThat(v.venue().toString()).doesNotContain("secret-never-printed-123");
            assertThat(c.liveVenue()).isTrue();
            v.venue().close();
        }
        bybit.verify(anyRequestedFor(urlPathMatching("/v5/.*")));
    }

    @Test
    void paperTradesOnPublicPricesWithoutSendingAnyKey() throws Exception {
        stubMarketData();
        Map<String, String> env = Map.of("LEASH_VENUE", "paper", "LEASH_VENUE_BASE_URL", bybit.baseUrl(),
                "LEASH_BYBIT_API_KEY", "must-not-be-used-123", "LEASH_BYBIT_API_SECRET", "must-not-be-used-456");
        GatewayConfig c = config(env);
        try (Journal j = journal()) {
            Venues.Opened v = Venues.open(c, env, j, CLOCK, h -> { });
            assertThat(v.venue().name()).isEqualTo("paper (bybit prices)");
            assertThat(v.venue().ticker("BTCUSDT").lastPrice()).isPositive();
            assertThat(v.venue().account().equity()).isEqualTo(100_000);
            assertThat(c.liveVenue()).isFalse();
            v.venue().close();
        }
        assertThat(bybit.getAllServeEvents()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.getRequest().containsHeader("X-BAPI-API-KEY")).isFalse();
            assertThat(e.getRequest().getUrl()).startsWith("/v5/market/");
        });
    }

    @Test
    void unknownVenueIsRefusedByName() {
        assertThatThrownBy(() -> config(Map.of("LEASH_VENUE", "binance")))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("venue: 'binance'");
    }

    private GatewayConfig config(Map<String, String> env) throws ConfigException, IOException {
        Path f = Files.writeString(dir.resolve("gateway.yaml"), "symbols: [BTCUSDT, ETHUSDT]\n");
        return ConfigLoader.load(f, env, new ConfigLoader.Overrides(dir.resolve("data"), 0, null));
    }

    private Journal journal() throws IOException {
        Files.createDirectories(dir.resolve("data"));
        return Journal.open(Journal.sqliteUrl(dir.resolve("data")));
    }

    private void stubMarketData() throws IOException {
        bybit.start();
        for (String[] s : new String[][] {{"/v5/market/instruments-info", "market-instruments-info"},
                {"/v5/market/tickers", "market-tickers"}, {"/v5/market/kline", "market-kline"},
                {"/v5/market/funding/history", "market-funding-history"}, {"/v5/market/time", "market-time"}}) {
            bybit.stubFor(get(urlPathEqualTo(s[0])).willReturn(aResponse().withStatus(200)
                    .withHeader("Content-Type", "application/json").withBody(bybitJson(s[1]))));
        }
    }
}
