package dev.leash.venue.lmex;

import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LmexSignerTest {

    private static final long NONCE = 1_704_070_000_000L;
    private static final String SECRET = "lmex-test-secret";
    private static final String BODY = "{\"symbol\":\"BTC-PERP\",\"size\":2,\"side\":\"BUY\",\"type\":\"MARKET\","
            + "\"reduceOnly\":false,\"clOrderID\":\"lsh-BTC-PERP-42\"}";

    @Test
    void signsTheDocumentedWalletExampleToItsPublishedHex() {
        // BTSE's futures documentation, "Example 1: Get Wallet"; the hex was also reproduced by hand with
        // echo -n "/api/v2.1/user/wallet1624984297330" | openssl dgst -sha384 -hmac "848db...bx".
        assertThat(LmexSigner.sign("848db84ac252b6726e5f6e7a711d9c96d9fd77d020151b45839a5b59c37203bx",
                "/api/v2.1/user/wallet1624984297330"))
                .isEqualTo("ea4f1f2b43a0f4d750ae560c5274d6214d140fcab3093da5f4a83e36828535bd2ba7b12160cd12199596f422c8883333");
    }

    @Test
    void signsAGetWithoutTheFuturesPrefixAndWithoutTheQuery() {
        LmexSigner signer = new LmexSigner("k1", SECRET, false, () -> NONCE);

        Map<String, String> h = signer.headers("GET", "/api/v2.3/user/trade_history", "symbol=BTC-PERP&count=500", "");

        assertThat(h).containsOnlyKeys("request-api", "request-nonce", "request-sign")
                .containsEntry("request-api", "k1").containsEntry("request-nonce", Long.toString(NONCE));
        assertThat(h.get("request-sign"))
                .isEqualTo(LmexWireMock.hmacSha384(SECRET, "/api/v2.3/user/trade_history" + NONCE))
                .matches("[0-9a-f]{96}");
    }

    @Test
    void signsAGetWithTheFuturesPrefixToAHexVerifiedByHand() {
        // printf '%s' "/futures/api/v2.3/user/wallet1704070000000" | openssl dgst -sha384 -hmac "lmex-test-secret"
        LmexSigner signer = new LmexSigner("k1", SECRET, true, () -> NONCE);

        assertThat(signer.headers("GET", "/api/v2.3/user/wallet", "", "").get("request-sign"))
                .isEqualTo("8300316aa5f5beb0ad084b878b8f25efa3a2e412c9801dd683e0b240cc8d80318b38c5992d021663b7077b2fd39df8d0");
    }

    @Test
    void signsThePostBodyUnderBothPathSettings() {
        String without = new LmexSigner("k1", SECRET, false, () -> NONCE)
                .headers("POST", "/api/v2.3/order", "", BODY).get("request-sign");
        String with = new LmexSigner("k1", SECRET, true, () -> NONCE)
                .headers("POST", "/api/v2.3/order", "", BODY).get("request-sign");

        assertThat(without).isEqualTo(LmexWireMock.hmacSha384(SECRET, "/api/v2.3/order" + NONCE + BODY));
        assertThat(with).isEqualTo(LmexWireMock.hmacSha384(SECRET, "/futures/api/v2.3/order" + NONCE + BODY))
                .isNotEqualTo(without);
    }

    @Test
    void placementBodyIsNumberTypedAndSignedToAHexVerifiedByHand() {
        OrderRequest req = new OrderRequest("lsh-BTC-PERP-42", "BTC-PERP", Side.BUY, OrderType.MARKET, 0.002, 42_000,
                false);
        String body = LmexOrders.body(req, new BigDecimal("2"), null);

        assertThat(body).isEqualTo(BODY);
        // printf '%s' "/api/v2.3/order1704070000000$BODY" | openssl dgst -sha384 -hmac "lmex-test-secret"
        assertThat(new LmexSigner("k1", SECRET, false, () -> NONCE).headers("POST", "/api/v2.3/order", "", body)
                .get("request-sign"))
                .isEqualTo("ccfc69e7ac5ad38432407916c3ddafe820f56146f59288eaf95edc80eb122974bf6a1e59f242b244864403852d643ad3");
    }

    @Test
    void configAndSignerNeverShowTheSecret() {
        LmexConfig c = new LmexConfig(LmexConfig.TESTNET, "ABCDEFGH", "super-secret-value", List.of("BTC-PERP"),
                false, Duration.ofSeconds(1), Duration.ofSeconds(1), LmexWireMock.CLOCK);

        assertThat(c.toString()).doesNotContain("super-secret-value").contains("apiSecret=***")
                .doesNotContain("ABCDEFGH");
        assertThat(new LmexSigner("ABCDEFGH", "super-secret-value", true, () -> 0).toString())
                .doesNotContain("super-secret-value");
        assertThatThrownBy(() -> new LmexConfig("https://x", "k", " ", List.of("BTC-PERP"), false,
                Duration.ofSeconds(1), Duration.ofSeconds(1), LmexWireMock.CLOCK))
                .hasMessageContaining("secret").hasMessageNotContaining(" k ");
        assertThat(LmexConfig.MAINNET).isEqualTo("https://api.lmex.io/futures");
        assertThat(LmexConfig.TESTNET).isEqualTo("https://test-api.lmex.io/futures");
    }
}
