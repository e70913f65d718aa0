package dev.leash.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.testsupport.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code leash-gateway run --log-format json} as a process: each stderr line is one JSON object, banner included. */
@Timeout(90)
class JsonLogProcessTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern API = Pattern.compile("REST API\\s+(http://\\S+)/api/state");
    private static final String TOKEN = "json-log-test-token-0123456789abcdef";

    @TempDir
    Path data;

    @Test
    void everyLineIsAJsonObjectAndAParamChangeIsOneLine() throws Exception {
        Process p = JavaProcess.main("dev.leash.gateway.cli.Main")
                .jvm("-Dorg.slf4j.simpleLogger.defaultLogLevel=info", "-Dorg.slf4j.simpleLogger.showDateTime=true",
                        "-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
                .args("run", "--data-dir", data.toString(), "--port", "0", "--speed", "60", "--log-format", "json")
                .env("LEASH_GATEWAY_TOKEN", TOKEN).builder().redirectErrorStream(true).start();
        List<JsonNode> lines = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String url = null;
            while (url == null) {
                String line = out.readLine();
                assertThat(line).as("the gateway's output ended before its banner").isNotNull();
                JsonNode o = JSON.readTree(line);
                lines.add(o);
                Matcher m = API.matcher(o.path("message").asText());
                url = m.find() ? m.group(1) : null;
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url
                    + "/api/params")).header("Authorization", "Bearer " + TOKEN).header("Content-Type",
                    "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"changes\": {\"max_position_pct\":"
                    + " 0.8}, \"rationale\": \"json log test\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            while (lines.stream().noneMatch(o -> o.path("message").asText().equals("params version 2 in force"))) {
                String line = out.readLine();
                assertThat(line).as("the gateway's output ended before the param change").isNotNull();
                lines.add(JSON.readTree(line));
            }
        } finally {
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(lines).allSatisfy(o -> {
            assertThat(o.isObject()).isTrue();
            assertThat(Instant.parse(o.get("time").asText())).isNotNull();
            assertThat(o.get("time").asText()).endsWith("Z");
            assertThat(o.get("level").asText()).isIn("TRACE", "DEBUG", "INFO", "WARN", "ERROR");
            assertThat(o.get("logger").asText()).isNotBlank();
            assertThat(o.has("message")).isTrue();
        });
        assertThat(lines).anySatisfy(o -> assertThat(o.get("logger").asText()).startsWith("dev.leash."));
        assertThat(lines.toString()).doesNotContain(TOKEN);
    }
}
