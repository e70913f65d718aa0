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

class ConfigLoaderTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "gateway.example.yaml");

    @TempDir
    Path dir;

    @Test
    void documentedExampleIsValidAndEqualsTheDefaults() throws Exception {
        GatewayConfig example = ConfigLoader.load(EXAMPLE, Map.of(), ConfigLoader.Overrides.NONE);
        GatewayConfig defaults = ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE);

        assertThat(example.venue()).isEqualTo("simulated");
        assertThat(example.symbols()).containsExactly("BTCUSDT", "ETHUSDT", "SOLUSDT");
        assertThat(example.api()).isEqualTo(defaults.api());
        assertThat(example.simulated()).isEqualTo(defaults.simulated());
        assertThat(example.loops()).isEqualTo(defaults.loops());
        assertThat(example.baselineReset()).isEqualTo(defaults.baselineReset());
        assertThat(example.limits()).isEqualTo(defaults.limits());
        assertThat(example.baseline().sameValuesAs(defaults.baseline())).isTrue();
        assertThat(example.dataDir()).isEqualTo(defaults.dataDir());
    }

    @Test
    void environmentOverridesTheFileAndFlagsOverrideBoth() throws Exception {
        Path f = write("simulated:\n  speed: 5\napi:\n  port: 7000\n");
        GatewayConfig fromEnv = ConfigLoader.load(f, Map.of("LEASH_SPEED", "30", "LEASH_API_PORT", "7100"),
                ConfigLoader.Overrides.NONE);
        GatewayConfig fromFlags = ConfigLoader.load(f, Map.of("LEASH_SPEED", "30"),
                new ConfigLoader.Overrides(dir.resolve("d"), 0, 60.0));

        assertThat(fromEnv.simulated().speed()).isEqualTo(30);
        assertThat(fromEnv.api().port()).isEqualTo(7100);
        assertThat(fromFlags.simulated().speed()).isEqualTo(60);
        assertThat(fromFlags.api().port()).isZero();
        assertThat(fromFlags.dataDir()).isEqualTo(dir.resolve("d"));
    }

    @Test
    void unknownKeyIsNamed() throws IOException {
        Path f = write("loops:\n  tick_millis: 5\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("loops.tick_millis: unknown key");
    }

    @Test
    void looseningAHardCeilingFailsAtStartNamingTheField() throws IOException {
        Path f = write("limits:\n  max_position_pct: {floor: 0.1, ceiling: 8}\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageContaining("limits.max_position_pct")
                .hasMessageContaining("loosens");
    }

    @Test
    void tighteningIsAcceptedAndTheBaselineMustFitIt() throws Exception {
        Path ok = write("limits:\n  max_position_pct: {ceiling: 2.0}\nbaseline:\n  max_position_pct: 1.5\n");
        assertThat(ConfigLoader.load(ok, Map.of(), ConfigLoader.Overrides.NONE).limits().maxPositionPct().ceiling())
                .isEqualTo(2.0);
        Path bad = write("limits:\n  max_position_pct: {ceiling: 2.0}\nbaseline:\n  max_position_pct: 3\n");
        assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("baseline.max_position_pct: 3 is outside");
    }

    @Test
    void badValuesNameTheirKey() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(write("venue: kraken\n"), Map.of(), ConfigLoader.Overrides.NONE))
                .hasMessageStartingWith("venue: 'kraken'");
        assertThatThrownBy(() -> ConfigLoader.load(write("api:\n  port: 70000\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("api.port:");
        assertThatThrownBy(() -> ConfigLoader.load(write("simulated:\n  speed: fast\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("simulated.speed: must be a number");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("LEASH_SPEED", "x"), ConfigLoader.Overrides.NONE))
                .hasMessageStartingWith("LEASH_SPEED:");
        assertThatThrownBy(() -> ConfigLoader.load(write("symbols: [BTCUSDT, btc]\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("symbols: 'btc'");
        assertThatThrownBy(() -> ConfigLoader.load(write("baseline_reset:\n  schedule: hourly\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageStartingWith("baseline_reset.schedule:");
        assertThatThrownBy(() -> ConfigLoader.load(write("a: [\n"), Map.of(), ConfigLoader.Overrides.NONE))
                .hasMessageContaining("not valid YAML");
    }

    @Test
    void loopCadencesAreRead() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("loops:\n  middle_seconds: 2\n  stale_order_minutes: 30\n"),
                Map.of(), ConfigLoader.Overrides.NONE);
        assertThat(c.loops().middle()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.loops().staleOrderAge()).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void ordersPlacedByHandAreLeftAloneUnlessTheOperatorTurnsTheirCancelOn() throws Exception {
        assertThat(ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE).loops().cancelManualOrders())
                .isFalse();
        assertThat(ConfigLoader.load(write("loops:\n  cancel_manual_orders: true\n"), Map.of(),
                ConfigLoader.Overrides.NONE).loops().cancelManualOrders()).isTrue();
        assertThatThrownBy(() -> ConfigLoader.load(write("loops:\n  cancel_manual_orders: yes please\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("loops.cancel_manual_orders: must be true or false");
    }

    @Test
    void staleTickBoundIsReadAndDefaultsToThirtySeconds() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("loops:\n  stale_tick_seconds: 12\n"), Map.of(),
                ConfigLoader.Overrides.NONE);
        assertThat(c.loops().staleTickAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(ConfigLoader.load(write("loops: {}\n"), Map.of(), ConfigLoader.Overrides.NONE).loops()
                .staleTickAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void staleTickBoundOutsideItsRangeIsRefusedByName() throws IOException {
        Path f = write("loops:\n  stale_tick_seconds: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("loops.stale_tick_seconds: 1.0 is outside [2, 3600]");
    }

    @Test
    void venueRecoveryDefaultsToFiveMinutesAndIsBounded() throws Exception {
        assertThat(ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE).loops().venueRecovery())
                .isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigLoader.load(write("loops:\n  venue_recovery_seconds: 90\n"), Map.of(),
                ConfigLoader.Overrides.NONE).loops().venueRecovery()).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ConfigLoader.load(write("loops:\n  venue_recovery_seconds: 0\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("loops.venue_recovery_seconds: 0");
    }

    @Test
    void unquotedOffTurnsTheBaselineResetOff() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("baseline_reset:\n  schedule: off\n"), Map.of(),
                ConfigLoader.Overrides.NONE);
        assertThat(c.baselineReset().enabled()).isFalse();
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "gateway", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
