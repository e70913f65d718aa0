package dev.leash.gateway.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose files, read as YAML (there is no Docker daemon where the tests run): {@code up} needs no prior step, the
 * MCP server never sees the operator's token, and the {@code monitoring} profile's Prometheus and Grafana are wired to
 * files that exist.
 */
class ComposeFilesTest {

    static final Path DOCKER = Path.of("..", "docker");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonNode yaml(Path file) throws IOException {
        return YAML.readTree(Files.readString(file));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void upNeedsNoVariableSetBeforehand() throws IOException {
        String text = Files.readString(DOCKER.resolve("compose.yaml"));
        JsonNode gateway = yaml(DOCKER.resolve("compose.yaml")).get("services").get("gateway");

        assertThat(text).as("a required variable (${X:?...}) stops compose before anything starts")
                .doesNotContainPattern("\\$\\{[A-Z_]+:\\?");
        assertThat(gateway.get("healthcheck").get("test").toString()).as("the token is read inside the container")
                .contains("$${LEASH_GATEWAY_TOKEN:-$$(cat /var/lib/leash/gateway.token)}");
        assertThat(strings(gateway.get("volumes"))).contains("leash-data:/var/lib/leash",
                "leash-mcp:/var/lib/leash-mcp");
        assertThat(gateway.get("environment").get("LEASH_API_ALLOWED_HOSTS").asText()).isEqualTo("gateway");
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertThat(dockerfile).contains("COPY --chmod=755 docker/entrypoint.sh /opt/leash/entrypoint.sh",
                "ENTRYPOINT [\"/opt/leash/entrypoint.sh\"]", "chown leash /var/lib/leash-mcp");
        assertThat(strings(gateway.get("command"))).startsWith("java", "@/opt/leash/gateway.jvm-args", "-jar",
                "/opt/leash/leash-gateway.jar", "run");
    }

    @Test
    void theMcpServerMountsOnlyItsOwnTokensReadOnly() throws IOException {
        JsonNode mcp = yaml(DOCKER.resolve("compose.yaml")).get("services").get("mcp");

        assertThat(strings(mcp.get("volumes"))).containsExactly("leash-mcp:/var/lib/leash-mcp:ro");
        assertThat(strings(mcp.get("command"))).containsSequence("--data-dir", "/var/lib/leash-mcp");
        assertThat(mcp.get("environment").has("LEASH_GATEWAY_TOKEN")).isFalse();
    }

    @Test
    void theMonitoringProfileScrapesTheGatewayWithATokenFromAMountedVolume() throws IOException {
        JsonNode services = yaml(DOCKER.resolve("compose.yaml")).get("services");
        JsonNode prometheus = services.get("prometheus");
        JsonNode scrape = yaml(DOCKER.resolve("prometheus/prometheus.yml")).get("scrape_configs").get(0);

        assertThat(strings(prometheus.get("profiles"))).containsExactly("monitoring");
        assertThat(strings(services.get("grafana").get("profiles"))).containsExactly("monitoring");
        assertThat(services.get("gateway").has("profiles")).isFalse();
        assertThat(strings(scrape.get("static_configs").get(0).get("targets"))).containsExactly("gateway:7070");
        assertThat(scrape.get("metrics_path").asText()).isEqualTo("/metrics");
        String credentials = scrape.get("authorization").get("credentials_file").asText();
        assertThat(credentials).as("the token that reads /metrics only").isEqualTo(
                "/var/lib/leash-metrics/metrics.token");
        assertThat(strings(prometheus.get("volumes"))).containsExactlyInAnyOrder(
                "leash-metrics:/var/lib/leash-metrics:ro",
                "./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro");
        assertThat(strings(services.get("gateway").get("volumes"))).contains("leash-metrics:/var/lib/leash-metrics");
        assertThat(prometheus.get("user").asText()).as("the owner of the 0600 token file").isEqualTo("10001");
        assertThat(Files.readString(DOCKER.resolve("Dockerfile"))).contains("--uid 10001");
    }

    @Test
    void everyFileTheServicesBindMountExists() throws IOException {
        JsonNode services = yaml(DOCKER.resolve("compose.yaml")).get("services");
        List<String> mounts = new ArrayList<>();
        services.forEach(s -> s.path("volumes").forEach(v -> mounts.add(v.asText())));

        List<String> bound = mounts.stream().filter(m -> m.startsWith("./")).map(m -> m.substring(0, m.indexOf(':')))
                .toList();
        assertThat(bound).hasSize(3);
        assertThat(bound).allSatisfy(p -> assertThat(DOCKER.resolve(p)).exists());
    }

    @Test
    void grafanaReadsThePrometheusDataSourceTheDashboardNames() throws IOException {
        JsonNode source = yaml(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml")).get("datasources")
                .get(0);
        JsonNode dashboard = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/leash.json").toFile());

        assertThat(source.get("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(dashboard.get("panels")).allSatisfy(p -> assertThat(p.get("datasource").get("uid").asText())
                .isEqualTo(source.get("uid").asText()));
        List<String> titles = new ArrayList<>();
        dashboard.get("panels").forEach(p -> titles.add(p.get("title").asText()));
        assertThat(titles).contains("Equity", "P&L", "Positions", "Trading state", "Decisions by outcome",
                "Order round-trip latency", "Tick lag", "Middle-loop pass age", "Alerts");
        assertThat(yaml(DOCKER.resolve("grafana/provisioning/dashboards/leash.yml")).get("providers").get(0)
                .get("options").get("path").asText()).isEqualTo("/var/lib/grafana/dashboards");
    }

    @Test
    void theReadmesCurlCommandsSendTheTokenAGatewayUnderComposeNeedsForReads() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("..", "README.md"));
        List<String> curls = readme.stream().filter(l -> l.startsWith("curl ") && l.contains("localhost:7070"))
                .toList();

        assertThat(curls).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(l -> assertThat(l).contains("-H \"Authorization: Bearer $TOKEN\""));
        assertThat(readme).anySatisfy(l -> assertThat(l).startsWith("TOKEN=$(cat leash-data/gateway.token)")
                .contains("docker compose -f docker/compose.yaml exec -T gateway cat /var/lib/leash/gateway.token"));
        assertThat(Files.readString(EntrypointScriptTest.SCRIPT)).contains("home=${LEASH_HOME:-/var/lib/leash}",
                "\"$home/gateway.token\"");
    }
}
