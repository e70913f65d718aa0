package dev.leash.mcp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --gateway NAME=URL}, repeated: several gateways, each with its own model token from a file or the env. */
@org.junit.jupiter.api.Timeout(60)
class FleetCommandLineTest {

    private static final String SECRET_A = "token-of-a-0123456789";
    private static final String SECRET_B = "token-of-b-0123456789";

    @TempDir
    Path dir;

    private Map<String, String> env(String... kv) {
        Map<String, String> env = new HashMap<>(Map.of("LEASH_MCP_DATA_DIR", dir.toString()));
        for (int i = 0; i < kv.length; i += 2) {
            env.put(kv[i], kv[i + 1]);
        }
        return env;
    }

    @Test
    void namedGatewaysTakeTheirTokensFromAFileOrTheirOwnEnvironmentVariable() throws Exception {
        Path fileA = Files.writeString(dir.resolve("a.token"), SECRET_A + "\n");

        McpConfig c = CommandLine.parse(new String[] {"--gateway", "bybit-main=http://127.0.0.1:7070",
                "--gateway", "lmex_2=http://127.0.0.1:7080/", "--gateway-token-file", "bybit-main=" + fileA},
                env("LEASH_MODEL_TOKEN_LMEX_2", SECRET_B));

        assertThat(c.gateways()).extracting(NamedGateway::name).containsExactly("bybit-main", "lmex_2");
        assertThat(c.gateways()).extracting(NamedGateway::token).containsExactly(SECRET_A, SECRET_B);
        assertThat(c.gateways().get(1).base()).isEqualTo("http://127.0.0.1:7080");
        assertThat(c.gatewayBase()).as("the first is the default").isEqualTo("http://127.0.0.1:7070");
        assertThat(c.toString()).doesNotContain(SECRET_A).doesNotContain(SECRET_B).contains("bybit-main");
        assertThat(Main.gateways(c)).isEqualTo("gateways bybit-main=http://127.0.0.1:7070, lmex_2=http://127.0.0.1:7080");
    }

    @Test
    void aSingleUnnamedGatewayIsConfiguredAsBefore() {
        McpConfig c = CommandLine.parse(new String[] {"--gateway", "http://127.0.0.1:9"},
                env("LEASH_MODEL_TOKEN", SECRET_A));

        assertThat(c.fleet()).isEmpty();
        assertThat(c.gateways()).singleElement().satisfies(g -> {
            assertThat(g.name()).isNull();
            assertThat(g.token()).isEqualTo(SECRET_A);
            assertThat(g.base()).isEqualTo("http://127.0.0.1:9");
        });
    }

    @Test
    void aFileFlagWinsOverTheEnvironmentAndAGatewayWithoutEitherHasNoToken() throws Exception {
        Path fileA = Files.writeString(dir.resolve("a.token"), SECRET_A);

        McpConfig c = CommandLine.parse(new String[] {"--gateway", "a=http://127.0.0.1:1", "--gateway",
                "b=http://127.0.0.1:2", "--gateway-token-file", "a=" + fileA},
                env("LEASH_MODEL_TOKEN_A", SECRET_B));

        assertThat(c.gateways()).extracting(NamedGateway::token).containsExactly(SECRET_A, null);
    }

    @Test
    void refusesMalformedDuplicateAndMixedEntriesWithoutEverPrintingAToken() throws Exception {
        Path fileA = Files.writeString(dir.resolve("a.token"), SECRET_A);
        Map<String, String> env = env("LEASH_MODEL_TOKEN_A", SECRET_B);
        String[][] bad = {
                {"--gateway", "Bybit=http://127.0.0.1:1"},
                {"--gateway", "a=http://127.0.0.1:1", "--gateway", "a=http://127.0.0.1:2"},
                {"--gateway", "a=http://127.0.0.1:1", "--gateway", "http://127.0.0.1:2"},
                {"--gateway", "=http://127.0.0.1:1"},
                {"--gateway", "a=ftp://127.0.0.1:1"},
                {"--gateway", "a=http://127.0.0.1:1", "--gateway-token-file", "b=" + fileA},
                {"--gateway", "a=http://127.0.0.1:1", "--gateway-token-file", "a"},
                {"--gateway", "a=http://127.0.0.1:1", "--gateway-token-file", "a=" + fileA,
                        "--gateway-token-file", "a=" + fileA},
                {"--gateway", "a=http://127.0.0.1:1", "--token-file", fileA.toString()},
                {"--gateway", "http://127.0.0.1:1", "--gateway-token-file", "a=" + fileA},
                {"--gateway", "a-b=http://127.0.0.1:1", "--gateway", "a_b=http://127.0.0.1:2"},
                {"--gateway", "a=http://127.0.0.1:1", "--gateway-token-file", "a=" + dir.resolve("missing")},
                {"--gateway", "x".repeat(33) + "=http://127.0.0.1:1"}};
        for (String[] args : bad) {
            assertThatThrownBy(() -> CommandLine.parse(args, env)).as(String.join(" ", args))
                    .isInstanceOf(ConfigException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(SECRET_A).doesNotContain(SECRET_B)
                            .containsAnyOf("--gateway", "gateway"));
        }
    }

    @Test
    void namesTheProblemOfEachMalformedEntry() {
        Map<String, String> env = env();
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--gateway", "Bybit=http://127.0.0.1:1"}, env))
                .hasMessageContaining("'Bybit'").hasMessageContaining("[a-z0-9_-]{1,32}");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--gateway", "a=http://127.0.0.1:1",
                "--gateway", "a=http://127.0.0.1:2"}, env)).hasMessageContaining("'a' is given twice");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--gateway", "a=http://127.0.0.1:1",
                "--gateway", "http://127.0.0.1:2"}, env)).hasMessageContaining("NAME=URL");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"--gateway", "a=http://127.0.0.1:1",
                "--gateway-token-file", "b=x"}, env)).hasMessageContaining("no gateway named 'b'");
    }

    @Test
    void mainExitsWithCode2OnADuplicateGatewayNameAndPrintsNoToken() throws Exception {
        Path fileA = Files.writeString(dir.resolve("a.token"), SECRET_A);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--gateway", "a=http://127.0.0.1:1", "--gateway", "a=http://127.0.0.1:2",
                "--gateway-token-file", "a=" + fileA);
        pb.environment().put("LEASH_MODEL_TOKEN_A", SECRET_B);
        pb.environment().put("LEASH_MCP_DATA_DIR", dir.toString());
        Process p = pb.start();
        p.getOutputStream().close();

        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(stderr).contains("'a' is given twice").doesNotContain(SECRET_A).doesNotContain(SECRET_B);
        assertThat(p.getInputStream().readAllBytes()).as("nothing but JSON-RPC on stdout").isEmpty();
    }
}
