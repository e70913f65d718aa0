package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /metrics} is a read like {@code /api/*}: the same Host check, the same refusal of unknown parameters. */
@Timeout(30)
class MetricsReadTest {

    @TempDir
    Path dataDir;

    @Test
    void refusesAHostThatDoesNotNameThisMachineAndUnknownParameters() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            int port = gw.gateway().port();
            RunningGateway.Response rebound = RawHttp.send(port, "GET", "/metrics", "rebind.attacker.example:" + port, null,
                    null);
            assertThat(rebound.status()).isEqualTo(421);
            assertThat(rebound.body()).doesNotContain("leash_");
            assertThat(RawHttp.send(port, "GET", "/metrics", "127.0.0.1:" + port, null, null).status())
                    .isEqualTo(200);
            RunningGateway.Response unknown = gw.get("/metrics?name=leash_equity_usdt");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.contentType()).startsWith("application/problem+json");
        }
    }
}
