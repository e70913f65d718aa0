package dev.leash.venue.bybit;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How to reach Bybit V5 (USDT perpetuals): base URL (mainnet, testnet, demo or any other, e.g. from
 * {@code LEASH_VENUE_BASE_URL}), API key and secret (the caller reads them from {@code LEASH_BYBIT_API_KEY} and
 * {@code LEASH_BYBIT_API_SECRET}), the symbols traded, the signature's receive window (ms), timeouts and the clock.
 * {@link #toString()} never shows the secret.
 */
public record BybitConfig(String baseUrl, String apiKey, String apiSecret, List<String> symbols,
                          long recvWindowMillis, Duration connectTimeout, Duration readTimeout, Clock clock) {

    public static final String MAINNET = "https://api.bybit.com";
    public static final String TESTNET = "https://api-testnet.bybit.com";
    public static final String DEMO = "https://api-demo.bybit.com";
    public static final long DEFAULT_RECV_WINDOW = 5000;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);

    public BybitConfig {
        if (baseUrl == null || !(baseUrl.startsWith("https://") || baseUrl.startsWith("http://"))) {
            throw new IllegalArgumentException("bybit base URL must be http(s)://...: " + baseUrl);
        }
        apiKey = apiKey == null ? "" : apiKey;
        apiSecret = apiSecret == null ? "" : apiSecret;
        if (apiKey.isBlank() != apiSecret.isBlank()) {
            throw new IllegalArgumentException("bybit needs both an API key and a secret"
                    + " (LEASH_BYBIT_API_KEY, LEASH_BYBIT_API_SECRET), or neither for public market data only");
        }
        symbols = List.copyOf(symbols);
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("bybit needs at least one symbol");
        }
        if (recvWindowMillis <= 0 || recvWindowMillis > 60_000) {
            throw new IllegalArgumentException("recv window must be 1..60000 ms: " + recvWindowMillis);
        }
        if (connectTimeout == null || readTimeout == null || clock == null) {
            throw new IllegalArgumentException("timeouts and clock are required");
        }
    }

    /** Public market data only (candles, tickers, funding, instruments): no credentials, no private calls. */
    public static BybitConfig publicData(String baseUrl, List<String> symbols) {
        return of(baseUrl, "", "", symbols);
    }

    /** True when private endpoints (account, orders) may be called. */
    public boolean hasCredentials() {
        return !apiKey.isBlank();
    }

    /** Documented defaults: 5 s receive window, 5 s connect and 10 s read timeouts, the system clock. */
    public static BybitConfig of(String baseUrl, String apiKey, String apiSecret, List<String> symbols) {
        return new BybitConfig(baseUrl, apiKey, apiSecret, symbols, DEFAULT_RECV_WINDOW, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT, Clock.systemUTC());
    }

    @Override
    public String toString() {
        return "BybitConfig[baseUrl=" + baseUrl + ", apiKey=" + redactedKey() + ", apiSecret=***, symbols=" + symbols
                + ", recvWindowMillis=" + recvWindowMillis + ", connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + "]";
    }

    String redactedKey() {
        return apiKey.length() <= 4 ? "***" : apiKey.substring(0, 4) + "***";
    }
}
