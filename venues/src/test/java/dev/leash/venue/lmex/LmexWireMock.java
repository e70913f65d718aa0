package dev.leash.venue.lmex;

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
import static dev.leash.testsupport.VenueFixtures.lmexJson;
import static org.assertj.core.api.Assertions.assertThat;

/** A WireMock LMEX on a loopback port under {@code /futures}, its fixtures, and a venue pointed at it. */
final class LmexWireMock implements AutoCloseable {

    static final long NOW = 1_704_070_000_000L; // 2024-01-01T00:46:40Z, inside the 00:45 bar
    static final String KEY = "lmex-test-api-key-0001";
    static final String SECRET = "lmex-secret-must-never-leak-9c2e";
    static final String CL_ID = "lsh-BTC-PERP-42";
    static final String API = "/futures/api/v2.3";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);

    final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    final List<VenueHealth> health = new CopyOnWriteArrayList<>();
    final boolean signPathIncludesFutures;

    LmexWireMock(boolean signPathIncludesFutures) {
        this.signPathIncludesFutures = signPathIncludesFutures;
        server.start();
    }

    LmexConfig config() {
        return new LmexConfig(server.baseUrl() + "/futures", KEY, SECRET, List.of("BTC-PERP", "ETH-PERP"),
                signPathIncludesFutures, Duration.ofSeconds(1), Duration.ofMillis(400), CLOCK);
    }

    /** Short backoff, 3 read attempts, breaker after 5 failures, Retry-After waited up to 3 s. */
    HttpVenueSettings settings() {
        return LmexVenue.defaultSettings(config()).withRetries(3, Duration.ofMillis(10), Duration.ofMillis(50),
                Duration.ofSeconds(3)).withBreaker(5, Duration.ofSeconds(30));
    }

    LmexVenue venue() {
        return LmexVenue.create(config(), settings(), health::add);
    }

    static String path(String endpoint) {
        return API + endpoint;
    }

    /** market_summary, price, ohlcv and funding_history. */
    void stubMarketData() {
        server.stubFor(get(urlPathEqualTo(path("/market_summary"))).willReturn(ok("market_summary")));
        server.stubFor(get(urlPathEqualTo(path("/price"))).willReturn(ok("price")));
        server.stubFor(get(urlPathEqualTo(path("/ohlcv"))).willReturn(ok("ohlcv")));
        server.stubFor(get(urlPathEqualTo(path("/funding_history"))).willReturn(ok("funding_history")));
    }

    static ResponseDefinitionBuilder ok(String fixture) {
        return json(200, lmexJson(fixture));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String error(int status, int errorCode, String message) {
        return "{\"status\":" + status + ",\"errorCode\":" + errorCode + ",\"message\":\"" + message + "\"}";
    }

    /**
     * Every request to a private endpoint carries the three headers, and request-sign is recomputed here with
     * javax.crypto from the recorded path (with or without /futures, as configured), nonce and body.
     */
    void assertEverySignedRequestIsCorrect() {
        for (var e : server.getAllServeEvents()) {
            LoggedRequest r = e.getRequest();
            String url = r.getUrl();
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            if (!path.startsWith(API + "/user/") && !path.equals(API + "/order")) {
                assertThat(r.getHeader("request-sign")).as("public %s is not signed", path).isNull();
                continue;
            }
            assertThat(r.getHeader("request-api")).isEqualTo(KEY);
            assertThat(r.getHeader("request-nonce")).isEqualTo(Long.toString(NOW));
            String signedPath = signPathIncludesFutures ? path : path.substring("/futures".length());
            String payload = signedPath + r.getHeader("request-nonce") + r.getBodyAsString();
            assertThat(r.getHeader("request-sign")).as("signature of %s %s", r.getMethod(), url)
                    .isEqualTo(hmacSha384(SECRET, payload));
        }
    }

    /** No DELETE ever goes out without a clOrderID (LMEX would cancel every order in the market). */
    void assertNoDeleteWithoutId() {
        for (var e : server.getAllServeEvents()) {
            LoggedRequest r = e.getRequest();
            if ("DELETE".equals(r.getMethod().getName())) {
                assertThat(r.getUrl()).matches(".*[?&]clOrderID=[A-Za-z0-9_-]+(&.*)?$");
            }
        }
    }

    static String hmacSha384(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA384");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA384"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** No message in the cause chain contains the secret. */
    static void assertNoSecret(Throwable t) {
        assertThat(t).isNotNull();
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
