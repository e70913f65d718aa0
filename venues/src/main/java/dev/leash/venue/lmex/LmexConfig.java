package dev.leash.venue.lmex;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How to reach the LMEX futures API (BTSE-style v2.3): base URL including the {@code /futures} prefix (mainnet,
 * testnet or any other), API key and secret, the venue symbols traded (e.g. {@code BTC-PERP}; the gateway uses them
 * as they are), whether the signed URL path includes the {@code /futures} prefix, timeouts and the clock.
 * {@link #toString()} never shows the secret.
 *
 * <p>{@code signPathIncludesFutures}: LMEX signs {@code urlPath + nonce + body}; sources differ on whether
 * {@code urlPath} is {@code /api/v2.3/...} (BTSE's published examples, the default) or {@code /futures/api/v2.3/...}.
 * If every private call fails with an authentication error, flip this setting.
 */
public record LmexConfig(String baseUrl, String apiKey, String apiSecret, List<String> symbols,
                         boolean signPathIncludesFutures, Duration connectTimeout, Duration readTimeout, Clock clock) {

    public static final String MAINNET = "https://api.lmex.io/futures";
    public static final String TESTNET = "https://test-api.lmex.io/futures";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public LmexConfig {
        if (baseUrl == null || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("lmex base URL must be http(s)://...: " + baseUrl);
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (apiKey == null || apiKey.isBlank() || apiSecret == null || apiSecret.isBlank()) {
            throw new IllegalArgumentException("lmex needs an API key and secret");
        }
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("lmex needs at least one symbol (e.g. BTC-PERP)");
        }
        if (connectTimeout == null || readTimeout == null || clock == null) {
            throw new IllegalArgumentException("timeouts and clock are required");
        }
    }

    /** Documented defaults: path signed without {@code /futures}, 5 s connect and 10 s read timeouts, system clock. */
    public static LmexConfig of(String baseUrl, String apiKey, String apiSecret, List<String> symbols) {
        return new LmexConfig(baseUrl, apiKey, apiSecret, symbols, false, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, Clock.systemUTC());
    }

    @Override
    public String toString() {
        return "LmexConfig[baseUrl=" + baseUrl + ", apiKey=" + redactedKey() + ", apiSecret=***, symbols=" + symbols
                + ", signPathIncludesFutures=" + signPathIncludesFutures + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }

    String redactedKey() {
        return apiKey.length() <= 4 ? "***" : apiKey.substring(0, 4) + "***";
    }
}
