package dev.leash.gateway.app;

import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An operator cannot expose the REST API by accident: binding anything but loopback needs a token they chose
 * ({@code LEASH_GATEWAY_TOKEN}), not one the gateway generated into a file they may never have read.
 */
@Timeout(30)
class BindWithoutTokenTest {

    @TempDir
    Path dataDir;

    private GatewayConfig config(String host) throws ConfigException {
        return ConfigLoader.load(null, Map.of("LEASH_API_HOST", host), new ConfigLoader.Overrides(dataDir, 0, 1200.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.0.0.0", "::", "192.0.2.10", "no-such-host.invalid"})
    void refusesToStartOffLoopbackWithoutAnExplicitTokenAndTouchesNothing(String host) throws Exception {
        GatewayConfig c = config(host);

        assertThatThrownBy(() -> Gateway.start(c, Map.of(), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("api.host: refusing to bind " + host + " (not a loopback address) without a token: set"
                        + " LEASH_GATEWAY_TOKEN to a long random token, or bind 127.0.0.1");
        assertThat(Files.exists(dataDir.resolve("gateway.token"))).as("a generated token file").isFalse();
        assertThat(Files.exists(dataDir.resolve("ai_params.json"))).as("a params file").isFalse();
    }

    @Test
    void aBlankTokenIsNoToken() throws Exception {
        GatewayConfig c = config("0.0.0.0");

        assertThatThrownBy(() -> Gateway.start(c, Map.of("LEASH_GATEWAY_TOKEN", "  "), Clock.systemUTC()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("set LEASH_GATEWAY_TOKEN");
    }

    @Test
    void startsOnALoopbackNameWithAGeneratedToken() throws Exception {
        try (Gateway g = Gateway.start(config("localhost"), Map.of(), Clock.systemUTC())) {
            assertThat(g.port()).isPositive();
            assertThat(g.token().source()).contains("(generated)");
        }
    }
}
