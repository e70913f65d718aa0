package dev.leash.gateway.app;

import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model token: generated into the data directory beside the gateway token, owner-only, never equal to it. */
@Timeout(60)
class ModelTokenTest {

    private static GatewayConfig config(Path dir, Map<String, String> env) throws Exception {
        Path file = dir.resolve("gateway-test.yaml");
        Files.createDirectories(dir);
        Files.writeString(file, "baseline_reset:\n  schedule: \"off\"\n");
        return ConfigLoader.load(file, env, new ConfigLoader.Overrides(dir, 0, RunningGateway.SPEED));
    }

    @Test
    void generatesAModelTokenBesideTheGatewayTokenForTheOwnerOnly(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of();
        try (Gateway g = Gateway.start(config(dir, env), env, Clock.systemUTC())) {
            Path file = dir.resolve("model.token");
            assertThat(Files.readString(file).strip()).isEqualTo(g.modelToken().value()).hasSize(64);
            assertThat(g.modelToken().value()).isNotEqualTo(g.token().value());
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            }
            assertThat(g.modelToken().toString()).doesNotContain(g.modelToken().value());
        }
    }

    @Test
    void takesTheModelTokenFromTheEnvironment(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("LEASH_MODEL_TOKEN", "model-token-from-env-0123456789");
        try (Gateway g = Gateway.start(config(dir, env), env, Clock.systemUTC())) {
            assertThat(g.modelToken().value()).isEqualTo("model-token-from-env-0123456789");
            assertThat(dir.resolve("model.token")).doesNotExist();
        }
    }

    @Test
    void refusesToStartWhenTheModelTokenIsTheGatewayToken(@TempDir Path dir) throws Exception {
        String same = "one-token-for-both-0123456789";
        Map<String, String> env = Map.of("LEASH_GATEWAY_TOKEN", same, "LEASH_MODEL_TOKEN", same);

        assertThatThrownBy(() -> Gateway.start(config(dir, env), env, Clock.systemUTC()))
                .hasMessageContaining("must differ").hasMessageNotContaining(same);
    }
}
