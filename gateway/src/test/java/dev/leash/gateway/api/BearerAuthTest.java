package dev.leash.gateway.api;

import dev.leash.risk.Principal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which token opens which route, on a binding off loopback where every request needs one. */
class BearerAuthTest {

    private static final String OPERATOR = "operator-token-0123456789abcdef";
    private static final String MODEL = "model-token-0123456789abcdef";
    private static final String METRICS = "metrics-token-0123456789abcdef";

    private final Credentials credentials = new Credentials() {
        @Override
        public Principal principalOf(String presented) {
            return OPERATOR.equals(presented) ? Principal.OPERATOR : MODEL.equals(presented) ? Principal.MODEL : null;
        }

        @Override
        public boolean isMetricsToken(String presented) {
            return METRICS.equals(presented);
        }
    };
    private final BearerAuth exposed = new BearerAuth(credentials, false);

    @Test
    void theMetricsTokenReadsMetricsAndNothingElse() {
        assertThat(exposed.check(false, true, "Bearer " + METRICS)).isEqualTo(BearerAuth.Verdict.OPEN);

        assertThat(exposed.check(false, false, "Bearer " + METRICS)).satisfies(v -> {
            assertThat(v.refused()).as("a read of /api/*").isTrue();
            assertThat(v.detail()).isEqualTo("the metrics token reads GET /metrics only");
        });
        assertThat(exposed.check(true, false, "Bearer " + METRICS).refused()).as("a write").isTrue();
        assertThat(exposed.check(true, true, "Bearer " + METRICS).refused()).as("a write to /metrics").isTrue();
    }

    @Test
    void theGatewayAndModelTokensStillReadMetricsAndSpeakForTheirPrincipals() {
        assertThat(exposed.check(false, true, "Bearer " + MODEL).principal()).isEqualTo(Principal.MODEL);
        assertThat(exposed.check(false, true, "bearer " + OPERATOR).principal()).isEqualTo(Principal.OPERATOR);
        assertThat(exposed.check(true, false, "Bearer " + MODEL).principal()).isEqualTo(Principal.MODEL);
    }

    @Test
    void noTokenOrAForeignOneIsRefusedAndTheAnswerNeverQuotesIt() {
        assertThat(exposed.check(false, true, null)).satisfies(v -> {
            assertThat(v.refused()).isTrue();
            assertThat(v.invalidToken()).isFalse();
            assertThat(v.detail()).contains("LEASH_METRICS_TOKEN");
        });
        assertThat(exposed.check(false, true, "Bearer not-a-token-of-this-gateway")).satisfies(v -> {
            assertThat(v.refused()).isTrue();
            assertThat(v.invalidToken()).isTrue();
            assertThat(v.detail()).doesNotContain("not-a-token-of-this-gateway");
        });
    }

    @Test
    void onLoopbackReadsNeedNoTokenAndWritesStillDo() {
        BearerAuth loopback = new BearerAuth(credentials, true);

        assertThat(loopback.check(false, false, null)).isEqualTo(BearerAuth.Verdict.OPEN);
        assertThat(loopback.check(true, false, "Bearer " + METRICS).refused()).isTrue();
    }
}
