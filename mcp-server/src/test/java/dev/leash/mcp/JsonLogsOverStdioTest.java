package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --log-format json} on stdio: stdout stays JSON-RPC only, and every stderr line is one JSON object. */
@Timeout(60)
class JsonLogsOverStdioTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestGateway gateway = new TestGateway();
    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        gateway.close();
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(Map.of("LEASH_GATEWAY_URL", gateway.url(), "LEASH_MODEL_TOKEN", TestGateway.TOKEN,
                "LEASH_MCP_DATA_DIR", dir.toString()));
        return pb.start();
    }

    @Test
    void stdoutCarriesOnlyJsonRpcAndEveryStderrLineIsAJsonLogObject() throws Exception {
        Process p = start("--log-format", "json");
        try (OutputStream stdin = p.getOutputStream()) {
            stdin.write((String.join("\n", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                    + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                    + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                    "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                    "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}") + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(JSON.readTree(out.readLine()).path("id").asInt()).isEqualTo(1);
            assertThat(JSON.readTree(out.readLine()).path("id").asInt()).isEqualTo(2);
        }
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("exits on stdin EOF").isTrue();
        String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        List<JsonNode> lines = new ArrayList<>();
        for (String line : stderr.split("\n")) {
            JsonNode o = JSON.readTree(line);
            assertThat(o.isObject()).as(line).isTrue();
            assertThat(Instant.parse(o.get("time").asText())).isNotNull();
            assertThat(o.get("time").asText()).endsWith("Z");
            assertThat(o.get("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(o.has("logger")).isTrue();
            lines.add(o);
        }
        assertThat(lines).anySatisfy(o -> {
            assertThat(o.get("logger").asText()).isEqualTo(Main.class.getName());
            assertThat(o.get("message").asText()).startsWith("leash MCP server on stdio");
        });
        assertThat(stderr).doesNotContain(TestGateway.TOKEN);
    }

    @Test
    void anUnknownFormatIsRefusedWithExitCode2() throws Exception {
        Process p = start("--log-format", "xml");
        p.getOutputStream().close();

        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                .contains("--log-format must be text or json, got 'xml'");
    }

    @Test
    void theEnvironmentChoosesJsonAndTheFlagOverridesIt() {
        assertThat(CommandLine.jsonLogs(new String[] {}, Map.of("LEASH_LOG_FORMAT", "json"))).isTrue();
        assertThat(CommandLine.jsonLogs(new String[] {"--log-format", "text"}, Map.of("LEASH_LOG_FORMAT", "json")))
                .isFalse();
        assertThat(CommandLine.jsonLogs(new String[] {}, Map.of())).isFalse();
    }
}
