package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.common.JsonLogs;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --log-format json}: every stderr line is one JSON object; a stack trace never reaches it. */
class JsonLogFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(JsonLogFormatTest.class);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    private static final String SECRET = "sk-live-7f3a9c2e11d04b5f";

    private static List<JsonNode> parseEach(ByteArrayOutputStream out) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode o = JSON.readTree(line);
            assertThat(o.isObject()).as(line).isTrue();
            objects.add(o);
        }
        return objects;
    }

    @Test
    void aRealLoggerLineBecomesOneObjectWithUtcTimeLevelLoggerAndMessage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(JsonLogs.wrap(out, CLOCK));
        try {
            LOG.warn("trading state {} -> {}: \"quoted\" \\ and\ttab", "ACTIVE", "HALTED");
            LOG.error("venue call failed", new IllegalStateException("bad key " + SECRET,
                    new java.io.IOException("GET https://api.example/?key=" + SECRET)));
        } finally {
            System.setErr(original);
        }

        List<JsonNode> lines = parseEach(out);
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain(SECRET, "\tat ", "at dev.leash");
        assertThat(lines.get(0).get("level").asText()).isEqualTo("WARN");
        assertThat(lines.get(0).get("logger").asText()).isEqualTo(JsonLogFormatTest.class.getName());
        assertThat(lines.get(0).get("message").asText()).isEqualTo("trading state ACTIVE -> HALTED: \"quoted\" \\"
                + " and\ttab");
        assertThat(Instant.parse(lines.get(0).get("time").asText())).isBefore(Instant.now().plusSeconds(1));
        assertThat(lines.get(0).get("time").asText()).endsWith("Z");
        assertThat(lines.get(1).get("message").asText()).isEqualTo("venue call failed");
        assertThat(lines).extracting(o -> o.get("message").asText()).contains(
                "exception java.lang.IllegalStateException (message and stack trace not logged)",
                "exception java.io.IOException (message and stack trace not logged)");
        assertThat(lines).allSatisfy(o -> assertThat(o.fieldNames()).toIterable()
                .contains("time", "level", "logger", "message"));
    }

    @Test
    void aLineThatIsNotALogRecordIsKeptAsAMessageOfStderr() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream json = JsonLogs.wrap(out, CLOCK)) {
            json.println();
            json.println("Leash gateway is running");
            json.print("  REST API   http://127.0.0.1:7070/api/state\r\n");
        }

        assertThat(parseEach(out)).extracting(JsonNode::toString).containsExactly(
                "{\"time\":\"2026-12-03T09:00:00Z\",\"level\":\"INFO\",\"logger\":\"stderr\","
                        + "\"message\":\"Leash gateway is running\"}",
                "{\"time\":\"2026-12-03T09:00:00Z\",\"level\":\"INFO\",\"logger\":\"stderr\","
                        + "\"message\":\"  REST API   http://127.0.0.1:7070/api/state\"}");
    }

    @Test
    void theFlagWinsOverTheEnvironmentWhichWinsOverTheConfiguration() {
        assertThat(JsonLogs.wanted("json", Map.of(JsonLogs.ENV, "text"), "text")).isTrue();
        assertThat(JsonLogs.wanted(null, Map.of(JsonLogs.ENV, "json"), "text")).isTrue();
        assertThat(JsonLogs.wanted(null, Map.of(JsonLogs.ENV, "text"), "json")).isFalse();
        assertThat(JsonLogs.wanted(null, Map.of(), "json")).isTrue();
        assertThat(JsonLogs.wanted(null, Map.of(), null)).isFalse();
        assertThatThrownBy(() -> JsonLogs.wanted(null, Map.of(JsonLogs.ENV, "xml"), null))
                .hasMessage("LEASH_LOG_FORMAT must be text or json, got 'xml'");
    }

    @Test
    void runRefusesAnUnknownLogFormatBeforeStartingAnything() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("leash-logfmt");

        int code = Main.run(new String[] {"run", "--data-dir", dir.toString(), "--log-format", "yaml"}, Map.of(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--log-format must be text or json, got 'yaml'");
        assertThat(dir.resolve("ai_params.json")).doesNotExist();
    }

    @Test
    void theConfigurationsLoggingFormatIsCheckedByCheckConfig() throws IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("leash-logfmt");
        java.nio.file.Path f = dir.resolve("gateway.yaml");
        java.nio.file.Files.writeString(f, "logging:\n  format: xml\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"check-config", "--config", f.toString(), "--data-dir", dir.toString()},
                Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("logging.format: must be text or json, got 'xml'");
    }
}
