package dev.leash.venue.bybit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.venue.http.HttpVenueSettings;
import dev.leash.venue.http.VenueHealth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/** A WireMock Bybit on a dynamic loopback port, its fixtures, and a venue pointed at it. */
final class BybitWireMock implements AutoCloseable {

    static final long NOW = 1_704_070_000_000L; // 2024-01-01T00:46:40Z, inside the 00:45 bar
    static final String KEY = "test-api-key-0001";
    static final String SECRET = "test-secret-must-never-leak-7f3a";
    static final String LINK_ID = "lsh-BTCUSDT-42";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final List<VenueHealth> health = new CopyOnWriteArrayList<>();

    BybitWireMock() {
        server.start();
    }

    BybitConfig config() {
        return new BybitConfig(server.baseUrl(), KEY, SECRET, List.of("BTCUSDT", "ETHUSDT"), 5000,
                Duration.ofSeconds(1), Duration.ofMillis(400), CLOCK);
    }

    /** Short backoff, 3 read attempts, breaker after 5 failures, Retry-After waited up to 3 s. */
    HttpVenueSettings settings() {
        return BybitVenue.defaultSettings(config()).withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(3)).withBreaker(5, Duration.ofSeconds(30));
    }

    BybitVenue venue() {
        return venue(settings());
    }

    BybitVenue venue(HttpVenueSettings settings) {
        return BybitVenue.create(config(), settings, health::add);
    }

    /** Instruments, tickers, kline, funding history and server time. */
    void stubMarketData() {
        server.stubFor(get(urlPathEqualTo("/v5/market/instruments-info")).willReturn(ok("market-instruments-info")));
        server.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(ok("market-tickers")));
        server.stubFor(get(urlPathEqualTo("/v5/market/kline")).willReturn(ok("market-kline")));
        server.stubFor(get(urlPathEqualTo("/v5/market/funding/history")).willReturn(ok("market-funding-history")));
        server.stubFor(get(urlPathEqualTo("/v5/market/time")).willReturn(ok("market-time")));
    }

    static ResponseDefinitionBuilder ok(String fixture) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(bybitJson(fixture));
    }

    static ResponseDefinitionBuilder retCode(int code, String msg) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"retCode\":" + code + ",\"retMsg\":\"" + msg + "\",\"result\":{},\"retExtInfo\":{},"
                        + "\"time\":" + NOW + "}");
    }

    /** Recomputes X-BAPI-SIGN from the recorded request with javax.crypto, independently of the adapter. */
    static void assertSignedCorrectly(LoggedRequest r) {
        assertThat(r.getHeader("X-BAPI-API-KEY")).isEqualTo(KEY);
        assertThat(r.getHeader("X-BAPI-RECV-WINDOW")).isEqualTo("5000");
        String url = r.getUrl();
        String signed = "GET".equals(r.getMethod().getName())
                ? (url.contains("?") ? url.substring(url.indexOf('?') + 1) : "")
                : r.getBodyAsString();
        String payload = r.getHeader("X-BAPI-TIMESTAMP") + KEY + "5000" + signed;
        assertThat(r.getHeader("X-BAPI-SIGN")).isEqualTo(hmacSha256(SECRET, payload));
    }

    static String hmacSha256(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No message in the cause chain contains the secret. */
    static void assertNoSecret(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            assertThat(String.valueOf(c.getMessage())).doesNotContain(SECRET);
            assertThat(c.toString()).doesNotContain(SECRET);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
