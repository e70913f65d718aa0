package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code heartbeat.json}, read by the external watchdog, says the same trading state as {@code /api/health}. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HeartbeatAgreesWithHealthTest {

    @TempDir
    Path dataDir;

    @Test
    void heartbeatSaysPausedWhenTheOperatorPausedTrading() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir)) {
            Eventually.await("the inner loop's first step", Duration.ofSeconds(20),
                    () -> g.get("/api/health").json().path("trading_state").asText(), s -> !"STARTING".equals(s));
            assertThat(g.write("POST", "/api/trading-mode", "{\"mode\":\"paused\",\"rationale\":\"watch it\"}")
                    .status()).isEqualTo(200);

            g.gateway().middle().run();

            JsonNode heartbeat = new ObjectMapper().readTree(dataDir.resolve("heartbeat.json").toFile());
            String health = g.get("/api/health").json().path("trading_state").asText();
            assertThat(health).isEqualTo("PAUSED");
            assertThat(heartbeat.path("trading_state").asText()).isEqualTo(health);
        }
    }
}
