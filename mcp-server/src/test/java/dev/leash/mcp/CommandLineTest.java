package dev.leash.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandLineTest {

    @TempDir
    Path dir;

    @Test
    void defaultsToStdioAgainstTheLocalGateway() {
        McpConfig c = CommandLine.parse(new String[0], Map.of("LEASH_MCP_DATA_DIR", dir.toString()));

        assertThat(c.transport()).isEqualTo(McpConfig.Transport.STDIO);
        assertThat(c.gatewayBase()).isEqualTo("http://127.0.0.1:7070");
        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(7071);
        assertThat(c.gatewayToken()).isNull();
    }

    @Test
    void flagsWinOverTheEnvironment() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("gw.token"), "from-file-token\n");
        McpConfig c = CommandLine.parse(new String[] {"--http", "--port", "0", "--gateway", "http://127.0.0.1:9",
                        "--token-file", tokenFile.toString(), "--allowed-origin", "http://localhost:3000"},
                Map.of("LEASH_GATEWAY_URL", "http://127.0.0.1:8", "LEASH_MODEL_TOKEN", "from-env-token",
                        "LEASH_MCP_DATA_DIR", dir.toString()));

        assertThat(c.transport()).isEqualTo(McpConfig.Transport.HTTP);
        assertThat(c.gatewayBase()).isEqualTo("http://127.0.0.1:9");
        assertThat(c.gatewayToken()).isEqualTo("from-file-token");
        assertThat(c.allowedOrigins()).containsExactly("http://localhost:3000");
    }

    @Test
    void takesTheSnapshotBoundAndTheStdioMetricsPortAndRefusesBadOnes() {
        Map<String, String> env = Map.of("LEASH_MCP_DATA_DIR", dir.toString());
        McpConfig c = CommandLine.parse(new String[] {"--snapshot-max-age-ms", "250", "--metrics-port", "0"}, env);

        assertThat(c.snapshotMaxAge()).isEqualTo(java.time.Duration.ofMillis(250));
        assertThat(c.metricsPort()).isZero();
        assertThat(CommandLine.parse(new String[0], env).snapshotMaxAge()).isEqualTo(McpConfig.DEFAULT_SNAPSHOT_MAX_AGE);
        assertThat(CommandLine.parse(new String[0], env).metricsPort()).isEqualTo(McpConfig.NO_METRICS_PORT);
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--snapshot-max-age-ms", "-1"}, env))
                .hasMessageContaining("--snapshot-max-age-ms must not be negative");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--snapshot-max-age-ms", "999999"}, env))
                .hasMessageContaining("between 0 and 60000 ms");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--metrics-port", "70000"}, env))
                .hasMessageContaining("--metrics-port must be between 0 and 65535");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--http", "--metrics-port", "9100"}, env))
                .hasMessageContaining("over HTTP /metrics is served on the MCP port");
    }

    @Test
    void refusesANonLoopbackBindWithoutAnExplicitToken() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--http", "--host", "0.0.0.0"},
                Map.of("LEASH_MCP_DATA_DIR", dir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LEASH_MCP_TOKEN");
        assertThat(CommandLine.parse(new String[] {"--http", "--host", "0.0.0.0"}, Map.of("LEASH_MCP_DATA_DIR",
                dir.toString(), "LEASH_MCP_TOKEN", "a-long-enough-operator-token")).host()).isEqualTo("0.0.0.0");
    }

    @Test
    void rejectsBadValuesWithSpecificMessages() {
        Map<String, String> env = Map.of("LEASH_MCP_DATA_DIR", dir.toString());
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "x"}, env)).hasMessageContaining("--port");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--port", "70000"}, env)).hasMessageContaining("65535");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--gateway", "ftp://x"}, env))
                .hasMessageContaining("gateway URL");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--frobnicate"}, env))
                .hasMessageContaining("unknown argument");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--http"}, Map.of("LEASH_MCP_TOKEN", "short")))
                .hasMessageContaining("at least 16");
    }

    @Test
    void neverPrintsATokenInItsDescription() {
        McpConfig c = CommandLine.parse(new String[0], Map.of("LEASH_MODEL_TOKEN", "gateway-secret-123",
                "LEASH_MCP_TOKEN", "mcp-secret-0123456789", "LEASH_MCP_DATA_DIR", dir.toString()));

        assertThat(c.toString()).doesNotContain("gateway-secret-123", "mcp-secret-0123456789");
    }

    @Test
    void presentsTheModelTokenFromTheEnvironment() {
        McpConfig c = CommandLine.parse(new String[0], Map.of("LEASH_MODEL_TOKEN", "model-secret-0123456789",
                "LEASH_GATEWAY_TOKEN", "operator-secret-0123456789", "LEASH_MCP_DATA_DIR", dir.toString()));

        assertThat(c.gatewayToken()).isEqualTo("model-secret-0123456789");
    }

    @Test
    void findsTheModelTokenTheGatewayWroteIntoTheSharedDataDirectoryAndNeverTheGatewayToken() throws Exception {
        Files.writeString(dir.resolve("gateway.token"), "operator-secret-0123456789\n");
        Map<String, String> env = Map.of("LEASH_MCP_DATA_DIR", dir.toString());

        assertThat(CommandLine.parse(new String[0], env).gatewayToken()).as("no model.token yet").isNull();
        Files.writeString(dir.resolve("model.token"), "model-secret-0123456789\n");
        assertThat(CommandLine.parse(new String[0], env).gatewayToken()).isEqualTo("model-secret-0123456789");
    }

    @Test
    void refusesTheOperatorsGatewayTokenNamingTheModelToken() {
        assertThatThrownBy(() -> CommandLine.parse(new String[0], Map.of("LEASH_GATEWAY_TOKEN",
                "operator-secret-0123456789", "LEASH_MCP_DATA_DIR", dir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("LEASH_MODEL_TOKEN")
                .hasMessageContaining("model.token").hasMessageNotContaining("operator-secret-0123456789");
    }

    @Test
    void theHelpNamesEveryFlagAndEnvironmentVariable() {
        assertThat(CommandLine.USAGE).contains("--stdio", "--http", "--port", "--host", "--allowed-origin",
                "--gateway", "--token-file", "--data-dir", "--snapshot-max-age-ms", "--metrics-port", "--help",
                "LEASH_GATEWAY_URL", "LEASH_MODEL_TOKEN",
                "LEASH_MCP_TOKEN", "LEASH_MCP_DATA_DIR", "LEASH_MCP_ALLOWED_ORIGINS");
    }

    @Test
    void takesAFlagsValueAfterAnEqualsSignToo() {
        McpConfig c = CommandLine.parse(new String[] {"--http", "--port=0", "--host=::1"},
                Map.of("LEASH_MCP_DATA_DIR", dir.toString()));

        assertThat(c.port()).isZero();
        assertThat(c.host()).isEqualTo("::1");
    }

    @Test
    void theLastOfStdioAndHttpWins() {
        Map<String, String> env = Map.of("LEASH_MCP_DATA_DIR", dir.toString());

        assertThat(CommandLine.parse(new String[] {"--http", "--stdio"}, env).transport())
                .isEqualTo(McpConfig.Transport.STDIO);
        assertThat(CommandLine.parse(new String[] {"--stdio", "--http"}, env).transport())
                .isEqualTo(McpConfig.Transport.HTTP);
    }

    @Test
    void aFlagFollowedByAnotherFlagInsteadOfItsValueIsAUsageError() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--host", "--http"},
                Map.of("LEASH_MCP_DATA_DIR", dir.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--host");
    }

    @Test
    void addsTheFlagsOriginsToTheEnvironmentsOnes() {
        McpConfig c = CommandLine.parse(new String[] {"--allowed-origin", "http://localhost:3000",
                "--allowed-origin", "http://localhost:4000"}, Map.of("LEASH_MCP_DATA_DIR", dir.toString(),
                "LEASH_MCP_ALLOWED_ORIGINS", "http://localhost:5000, http://localhost:6000"));

        assertThat(c.allowedOrigins()).containsExactly("http://localhost:5000", "http://localhost:6000",
                "http://localhost:3000", "http://localhost:4000");
    }
}
