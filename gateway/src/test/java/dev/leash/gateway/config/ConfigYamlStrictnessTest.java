package dev.leash.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The YAML configuration refuses what it would otherwise read silently wrong, naming the key by its full path. */
@Timeout(10)
class ConfigYamlStrictnessTest {

    @TempDir
    Path dir;

    private ConfigException refusal(String yaml) throws IOException {
        Path f = Files.createTempFile(dir, "gateway", ".yaml");
        Files.writeString(f, yaml);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    @Test
    void aSecondLimitsSectionDoesNotSilentlyReplaceTheFirst() throws IOException {
        ConfigException e = refusal("limits:\n  max_position_pct: {ceiling: 2}\nsymbols: [BTCUSDT]\n"
                + "limits:\n  max_leverage: {ceiling: 3}\n");

        assertThat(e).hasMessageStartingWith("limits: duplicate key");
    }

    @Test
    void aDuplicateKeyInsideASectionIsNamedByItsPath() throws IOException {
        ConfigException e = refusal("api:\n  port: 7070\n  host: 127.0.0.1\n  port: 7071\n");

        assertThat(e).hasMessageStartingWith("api.port: duplicate key");
    }

    @Test
    void aCeilingThatIsNotANumberIsRefusedRatherThanDisablingTheLimit() throws IOException {
        assertThat(refusal("limits:\n  max_position_pct: {ceiling: .nan}\n")).hasMessageContaining("line 2");
        assertThat(refusal("limits:\n  max_position_pct: {ceiling: 1e999}\n"))
                .hasMessageStartingWith("limits.max_position_pct.ceiling: must be a finite number");
        assertThat(refusal("limits:\n  max_order_notional: 1e999\n"))
                .hasMessageStartingWith("limits.max_order_notional: must be a finite number");
        assertThat(refusal("simulated:\n  initial_balance: -1e999\n"))
                .hasMessageStartingWith("simulated.initial_balance: must be a finite number");
    }

    @Test
    void aFractionalCountIsRefusedRatherThanTruncated() throws IOException {
        assertThat(refusal("api:\n  port: 7070.5\n")).hasMessageStartingWith("api.port: must be an integer, got 7070.5");
        assertThat(refusal("api:\n  max_body_bytes: 65536.5\n"))
                .hasMessageStartingWith("api.max_body_bytes: must be an integer, got 65536.5");
        assertThat(refusal("simulated:\n  seed: 1e30\n")).hasMessageStartingWith("simulated.seed: must be an integer");
    }

    @Test
    void aWrongTypeInsideASectionIsNamedByItsFullPath() throws IOException {
        assertThat(refusal("api:\n  host: [a, b]\n")).hasMessageStartingWith("api.host: must be a string");
        assertThat(refusal("journal:\n  url: {x: 1}\n")).hasMessageStartingWith("journal.url: must be a string");
        assertThat(refusal("baseline_reset:\n  day: [monday]\n"))
                .hasMessageStartingWith("baseline_reset.day: must be a string");
    }

    @Test
    void aQuotedNumberIsStillRefusedAsTheWrongType() throws IOException {
        assertThat(refusal("api:\n  port: \"7070\"\n")).hasMessageStartingWith("api.port: must be an integer, got '7070'");
    }

    @Test
    void wholeNumbersWrittenWithAFractionAndFiniteValuesStillLoad() throws Exception {
        Path f = Files.createTempFile(dir, "gateway", ".yaml");
        Files.writeString(f, "api:\n  port: 7071.0\nlimits:\n  max_orders_per_minute: 10\n"
                + "  max_position_pct: {ceiling: 2.5}\n");

        GatewayConfig c = ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE);

        assertThat(c.api().port()).isEqualTo(7071);
        assertThat(c.limits().ranges().get("max_position_pct").ceiling()).isEqualTo(2.5);
    }
}
