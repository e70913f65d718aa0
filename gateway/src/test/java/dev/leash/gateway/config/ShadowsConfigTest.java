package dev.leash.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShadowsConfigTest {

    @TempDir
    Path dir;

    @Test
    void shadowsDefaultToFourWithASeventyTwoHourIncumbentAndTwentyTrades() throws Exception {
        GatewayConfig c = ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE);
        assertThat(c.shadows()).isEqualTo(new GatewayConfig.Shadows(true, 4, Duration.ofHours(72), 20));
    }

    @Test
    void theShadowsSectionIsRead() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("shadows:\n  enabled: false\n  max: 2\n"
                + "  incumbent_horizon_hours: 24\n  min_trades: 5\n"), Map.of(), ConfigLoader.Overrides.NONE);
        assertThat(c.shadows()).isEqualTo(new GatewayConfig.Shadows(false, 2, Duration.ofHours(24), 5));
    }

    @Test
    void theWarmUpAfterEachChangeDefaultsToAnHourAndIsRead() throws Exception {
        assertThat(ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE).shadows().warmup())
                .isEqualTo(Duration.ofHours(1));
        GatewayConfig c = ConfigLoader.load(write("shadows:\n  warmup_minutes: 15\n"), Map.of(),
                ConfigLoader.Overrides.NONE);
        assertThat(c.shadows().warmup()).isEqualTo(Duration.ofMinutes(15));
        assertThatThrownBy(() -> ConfigLoader.load(write("shadows:\n  warmup_minutes: -1\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("shadows.warmup_minutes:");
    }

    @Test
    void badShadowValuesNameTheirKey() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(write("shadows:\n  max: 0\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("shadows.max:");
        assertThatThrownBy(() -> ConfigLoader.load(write("shadows:\n  incumbent_horizon_hours: 0.5\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("shadows.incumbent_horizon_hours:");
        assertThatThrownBy(() -> ConfigLoader.load(write("shadows:\n  enabled: sometimes\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("shadows.enabled:");
        assertThatThrownBy(() -> ConfigLoader.load(write("shadows:\n  min_trades: 2.5\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("shadows.min_trades:");
        assertThatThrownBy(() -> ConfigLoader.load(write("shadows:\n  horizon: 3\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageContaining("horizon");
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
