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

class StrategiesConfigTest {

    @TempDir
    Path dir;

    @Test
    void thePipelineDefaultsToTenBacktestTradesAOnePointMarginAndADayOfShadow() throws Exception {
        GatewayConfig c = ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE);
        assertThat(c.strategies()).isEqualTo(GatewayConfig.Strategies.DEFAULT);
        assertThat(c.strategies().shadowDuration()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void theStrategiesSectionIsRead() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("strategies:\n  min_backtest_trades: 3\n"
                + "  max_drawdown_margin_pct: 0.5\n  shadow_hours: 2\n  min_shadow_trades: 1\n  backtest_days: 7\n"),
                Map.of(), ConfigLoader.Overrides.NONE);
        assertThat(c.strategies()).isEqualTo(new GatewayConfig.Strategies(3, 0.5, Duration.ofHours(2), 1, 7));
    }

    @Test
    void anUnknownKeyOrAValueOutOfRangeIsRefusedWithItsName() {
        assertThatThrownBy(() -> ConfigLoader.load(write("strategies:\n  shadow_days: 2\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class).hasMessageContaining("shadow_days");
        assertThatThrownBy(() -> ConfigLoader.load(write("strategies:\n  max_drawdown_margin_pct: -1\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("strategies.max_drawdown_margin_pct: -1.0 is outside [0, 100]");
        assertThatThrownBy(() -> ConfigLoader.load(write("strategies:\n  min_backtest_trades: 2.5\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("strategies.min_backtest_trades");
    }

    private Path write(String yaml) throws IOException {
        Path p = dir.resolve("gateway.yaml");
        Files.writeString(p, yaml);
        return p;
    }
}
