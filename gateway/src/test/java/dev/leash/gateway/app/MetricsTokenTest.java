package dev.leash.gateway.app;

import dev.leash.common.Tokens;
import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metrics token: from its variable or its configured file, never equal to another token; and its wiring. */
@Timeout(60)
class MetricsTokenTest {

    private static final String METRICS = "metrics-tests-token-0123456789ab";

    @TempDir
    Path dir;

    private final Tokens.Token operator = new Tokens.Token(RunningGateway.TOKEN, "env LEASH_GATEWAY_TOKEN", null,
            false);
    private final Tokens.Token model = new Tokens.Token(RunningGateway.MODEL_TOKEN, "env LEASH_MODEL_TOKEN", null,
            false);

    @Test
    void thereIsNoneUnlessAVariableOrAFileIsConfigured() throws IOException {
        assertThat(MetricsToken.load(Map.of(), null, operator, model)).isNull();
    }

    @Test
    void theConfiguredFileIsCreatedOwnerOnlyInTheDataDirectoryAndTheVariableWins() throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, "api:\n  metrics_token_file: metrics.token\n", StandardCharsets.UTF_8);
        Path file = ConfigLoader.load(config, Map.of(), new ConfigLoader.Overrides(dir, 0, 1.0)).api()
                .metricsTokenFile();

        Tokens.Token generated = MetricsToken.load(Map.of(), file, operator, model);

        assertThat(file).isEqualTo(dir.resolve("metrics.token"));
        assertThat(generated.file()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(MetricsToken.load(Map.of(MetricsToken.ENV, METRICS), file, operator, model).value())
                .isEqualTo(METRICS);
    }

    @Test
    void aBlankFileNameIsAConfigError() throws Exception {
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, "api:\n  metrics_token_file: \" \"\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> ConfigLoader.load(config, Map.of(), new ConfigLoader.Overrides(dir, 0, 1.0)))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("api.metrics_token_file:");
    }

    @Test
    void refusesAMetricsTokenEqualToTheModelsOrTheOperatorsWithoutQuotingIt() {
        for (String same : new String[] {RunningGateway.MODEL_TOKEN, RunningGateway.TOKEN}) {
            assertThatThrownBy(() -> MetricsToken.load(Map.of(MetricsToken.ENV, same), null, operator, model))
                    .isInstanceOf(IOException.class).hasMessageContaining("it must differ")
                    .hasMessageNotContaining(same);
        }
    }

    @Test
    void aRunningGatewayRefusesAWriteWithTheMetricsTokenAndStillServesMetrics() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dir.resolve("data"), "", RunningGateway.SPEED,
                java.time.Clock.systemUTC(), Map.of(MetricsToken.ENV, METRICS))) {
            RunningGateway.Response write = gw.send("POST", "/api/trading-mode",
                    "{\"mode\":\"PAUSED\",\"author\":\"scraper\",\"rationale\":\"should not\"}",
                    RunningGateway.authorized(METRICS));
            RunningGateway.Response scrape = gw.send("GET", "/metrics", null, RunningGateway.authorized(METRICS));

            assertThat(write.status()).isEqualTo(401);
            assertThat(write.body()).contains("the metrics token reads GET /metrics only").doesNotContain(METRICS);
            assertThat(scrape.status()).isEqualTo(200);
            assertThat(scrape.body()).contains("leash_");
        }
    }
}
