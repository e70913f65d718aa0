package dev.leash.gateway.docker;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker/entrypoint.sh}, run by {@code sh} in a temporary directory (no Docker daemon needed): the tokens a
 * first {@code docker compose up} needs are generated owner-only, printed once, and exported to the gateway.
 */
@Timeout(30)
class EntrypointScriptTest {

    static final Path SCRIPT = Path.of("..", "docker", "entrypoint.sh");
    private static final String SEEN =
            "printf 'seen gateway=%s model=%s\\n' \"$LEASH_GATEWAY_TOKEN\" \"$LEASH_MODEL_TOKEN\";"
                    + " printf 'seen metrics=%s\\n' \"$LEASH_METRICS_TOKEN\"";

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run run(Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of("sh", SCRIPT.toString(), "sh", "-c", SEEN))
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LEASH_"));
        pb.environment().put("LEASH_HOME", dir.resolve("data").toString());
        pb.environment().put("LEASH_MCP_SHARE", dir.resolve("mcp").toString());
        pb.environment().put("LEASH_METRICS_SHARE", dir.resolve("metrics").toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    private static String token(Path file) throws IOException {
        String s = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(s).matches("[0-9a-f]{64}\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        return s.strip();
    }

    @Test
    void theFirstStartGeneratesFourOwnerOnlyTokensPrintsEachOnceAndExportsThem() throws Exception {
        Run first = run(Map.of());

        assertThat(first.code()).isZero();
        String gateway = token(dir.resolve("data/gateway.token"));
        String model = token(dir.resolve("mcp/model.token"));
        String mcp = token(dir.resolve("mcp/mcp.token"));
        String metrics = token(dir.resolve("metrics/metrics.token"));
        assertThat(List.of(gateway, model, mcp, metrics)).doesNotHaveDuplicates();
        for (String t : List.of(gateway, model, mcp, metrics)) {
            assertThat(first.out().split(t, -1)).as("printed once").hasSize(2 + (t.equals(mcp) ? 0 : 1));
        }
        assertThat(first.out()).contains("seen gateway=" + gateway + " model=" + model + "\nseen metrics="
                + metrics + "\n");
        try (var files = Files.list(dir.resolve("mcp"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("model.token",
                    "mcp.token"); // no temporary file left behind
        }
        try (var files = Files.list(dir.resolve("metrics"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("metrics.token");
        }
    }

    @Test
    void aSecondStartKeepsTheTokensAndPrintsNone() throws Exception {
        run(Map.of());
        String gateway = token(dir.resolve("data/gateway.token"));
        String model = token(dir.resolve("mcp/model.token"));
        String mcp = token(dir.resolve("mcp/mcp.token"));
        String metrics = token(dir.resolve("metrics/metrics.token"));

        Run second = run(Map.of());

        assertThat(second.code()).isZero();
        assertThat(second.out()).isEqualTo("seen gateway=" + gateway + " model=" + model + "\nseen metrics="
                + metrics + "\n").doesNotContain(mcp, "generated");
        assertThat(token(dir.resolve("data/gateway.token"))).isEqualTo(gateway);
        assertThat(token(dir.resolve("mcp/mcp.token"))).isEqualTo(mcp);
    }

    @Test
    void tokensFromTheEnvironmentWinAndAreNeitherGeneratedNorPrinted() throws Exception {
        String operator = "operator-token-from-env-0123456789";
        String model = "model-token-from-env-0123456789ab";
        String metrics = "metrics-token-from-env-0123456789";

        Run r = run(Map.of("LEASH_GATEWAY_TOKEN", operator, "LEASH_MODEL_TOKEN", model,
                "LEASH_MCP_TOKEN", "mcp-token-from-env-0123456789abcd", "LEASH_METRICS_TOKEN", metrics));

        assertThat(r.code()).isZero();
        assertThat(r.out()).isEqualTo("seen gateway=" + operator + " model=" + model + "\nseen metrics=" + metrics
                + "\n");
        assertThat(dir.resolve("data/gateway.token")).doesNotExist();
        assertThat(dir.resolve("mcp/model.token")).doesNotExist();
        assertThat(dir.resolve("mcp/mcp.token")).doesNotExist();
        assertThat(dir.resolve("metrics/metrics.token")).doesNotExist();
    }
}
