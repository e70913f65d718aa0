package dev.leash.gateway.config;

import dev.leash.journal.JournalOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code journal} section: the URL and the pool settings of a server database; no credentials in the file. */
class JournalConfigTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "gateway.example.yaml");

    @TempDir
    Path dir;

    @Test
    void theDocumentedExampleSetsTheDefaultPool() throws Exception {
        GatewayConfig example = ConfigLoader.load(EXAMPLE, Map.of(), ConfigLoader.Overrides.NONE);

        assertThat(example.journalPool()).isEqualTo(JournalOptions.DEFAULTS.withGatewayId("simulated-42"));
        assertThat(example.journalUrl()).isNull();
    }

    @Test
    void readsThePoolSettingsAndTakesTheCredentialsFromTheEnvironmentOnly() throws Exception {
        Path f = write("journal:\n  url: jdbc:postgresql://db/leash\n  pool_size: 8\n  connection_timeout_ms: 500\n"
                + "  socket_timeout_seconds: 20\n  retry_backoff_ms: 0\n");

        GatewayConfig c = ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE);
        JournalOptions withEnv = c.journalPool().withCredentialsFrom(Map.of(JournalOptions.USER_ENV, "leash",
                JournalOptions.PASSWORD_ENV, "pw"));

        assertThat(c.journalUrl()).isEqualTo("jdbc:postgresql://db/leash");
        assertThat(c.journalPool()).isEqualTo(new JournalOptions(null, null, 8, Duration.ofMillis(500),
                Duration.ofSeconds(20), Duration.ZERO, "simulated-42"));
        assertThat(withEnv.user()).isEqualTo("leash");
        assertThat(withEnv.password()).isEqualTo("pw");
    }

    @Test
    void aPasswordInTheFileIsRefused() throws IOException {
        Path f = write("journal:\n  password: hunter2\n");

        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("journal.password: unknown key")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void aPoolTooSmallOrATimeoutTooShortIsNamed() throws IOException {
        Path small = write("journal:\n  pool_size: 1\n");
        Path quick = write("journal:\n  connection_timeout_ms: 10\n");

        assertThatThrownBy(() -> ConfigLoader.load(small, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessage("journal.pool_size: 1 is outside [2, 64]");
        assertThatThrownBy(() -> ConfigLoader.load(quick, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("journal.connection_timeout_ms: 10 is outside [250, 30000]");
    }

    @Test
    void theGatewayIdIsDerivedFromTheVenueAndTheAccountUnlessConfigured() throws Exception {
        Path seeded = write("simulated:\n  seed: 11\n");
        Path named = write("gateway:\n  id: desk-a\n");
        Map<String, String> bybit = Map.of("LEASH_VENUE", "bybit", "LEASH_BYBIT_API_KEY", "my-api-key",
                "LEASH_BYBIT_API_SECRET", "s");

        assertThat(ConfigLoader.load(seeded, Map.of(), ConfigLoader.Overrides.NONE).gatewayId())
                .isEqualTo("simulated-11");
        assertThat(ConfigLoader.load(null, bybit, ConfigLoader.Overrides.NONE).gatewayId())
                .matches("bybit-[0-9a-f]{8}").doesNotContain("my-api-key");
        assertThat(ConfigLoader.load(named, Map.of(), ConfigLoader.Overrides.NONE).gatewayId()).isEqualTo("desk-a");
        assertThat(ConfigLoader.load(named, Map.of("LEASH_GATEWAY_ID", "desk-b"), ConfigLoader.Overrides.NONE)
                .gatewayId()).isEqualTo("desk-b");
    }

    @Test
    void aGatewayIdThatIsNotASafeNameIsNamed() throws IOException {
        Path f = write("gateway:\n  id: \"Desk A\"\n");

        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("gateway.id: 'Desk A' must be");
    }

    private Path write(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "gateway", ".yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
