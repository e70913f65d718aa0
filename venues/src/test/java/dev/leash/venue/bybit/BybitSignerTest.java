package dev.leash.venue.bybit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BybitSignerTest {

    @Test
    void signsTheDocumentedGetExampleToAHexVerifiedByHand() {
        // Payload and key of Bybit's V5 signing example; hex checked once with
        // printf '%s' "$payload" | openssl dgst -sha256 -hmac "$secret".
        String payload = "1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C";

        assertThat(BybitSigner.sign("YYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYYY", payload))
                .isEqualTo("49c26b0f76e0bec6b926f119814d66c4bdf59de44adf2a1864b1ea0bfd9c710c");
    }

    @Test
    void signsAPostBodyToAHexVerifiedByHand() {
        String body = "{\"category\":\"linear\",\"symbol\":\"BTCUSDT\"}";
        BybitSigner signer = new BybitSigner("test-key", "test-secret", 5000, () -> 1_700_000_000_000L);

        Map<String, String> h = signer.headers("POST", "/v5/order/create", "", body);

        assertThat(h).containsEntry("X-BAPI-API-KEY", "test-key")
                .containsEntry("X-BAPI-TIMESTAMP", "1700000000000")
                .containsEntry("X-BAPI-RECV-WINDOW", "5000")
                .containsEntry("X-BAPI-SIGN", "16378a8ca3caa3c068e2e74ef209dad5c036fec4047c7582ddcfcf13323a8275");
    }

    @Test
    void signsTheQueryForGetAndMatchesAnIndependentHmac() {
        String query = "category=linear&settleCoin=USDT&limit=200&cursor=page_args%3DBTCUSDT%26symbol%3D6%26";
        BybitSigner signer = new BybitSigner("k1", "s3cret", 10_000, () -> 1_704_070_000_123L);

        Map<String, String> h = signer.headers("GET", "/v5/position/list", query, "");

        assertThat(h.get("X-BAPI-SIGN"))
                .isEqualTo(BybitWireMock.hmacSha256("s3cret", "1704070000123k110000" + query))
                .matches("[0-9a-f]{64}");
    }

    @Test
    void configAndSignerNeverShowTheSecret() {
        BybitConfig c = new BybitConfig("https://api-testnet.bybit.com", "ABCDEFGH", "super-secret-value",
                List.of("BTCUSDT"), 5000, Duration.ofSeconds(1), Duration.ofSeconds(1), BybitWireMock.CLOCK);

        assertThat(c.toString()).doesNotContain("super-secret-value").contains("apiSecret=***");
        assertThat(new BybitSigner("ABCDEFGH", "super-secret-value", 5000, () -> 0).toString())
                .doesNotContain("super-secret-value");
        assertThatThrownBy(() -> new BybitConfig("https://x", "k", " ", List.of("BTCUSDT"), 5000,
                Duration.ofSeconds(1), Duration.ofSeconds(1), BybitWireMock.CLOCK))
                .hasMessageContaining("LEASH_BYBIT_API_SECRET");
    }
}
