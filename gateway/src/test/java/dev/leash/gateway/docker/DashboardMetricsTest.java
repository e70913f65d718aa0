package dev.leash.gateway.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.metrics.PrometheusText;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every metric the Grafana dashboard queries is in a real gateway's {@code /metrics}: the two cannot drift apart. */
@Timeout(90)
class DashboardMetricsTest {

    private static final Pattern METRIC = Pattern.compile("\\b(leash_[a-z0-9_]+)\\b");

    @TempDir
    Path dataDir;

    private static Set<String> queried() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(ComposeFilesTest.DOCKER
                .resolve("grafana/dashboards/leash.json").toFile());
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                Matcher m = METRIC.matcher(target.get("expr").asText());
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    private static Set<String> exposed(PrometheusText scrape) {
        Set<String> names = new TreeSet<>();
        scrape.samples().forEach(s -> names.add(s.name()));
        return names;
    }

    @Test
    void everyMetricTheDashboardQueriesIsInAScrapeOfARealGateway() throws Exception {
        Set<String> queried = queried();
        assertThat(queried).hasSizeGreaterThanOrEqualTo(15);
        String alerts = "alerts:\n  webhook:\n    url: http://127.0.0.1:9/hook\n"; // so the channel's series exist
        try (RunningGateway gw = RunningGateway.start(dataDir, alerts)) {
            // Order latency and decisions have samples once the simulated market has traded.
            Set<String> exposed = Eventually.await("every queried metric exposed", Duration.ofSeconds(60),
                    () -> exposed(PrometheusText.parse(gw.get("/metrics").body())), e -> e.containsAll(queried));

            assertThat(exposed).containsAll(queried);
        }
    }
}
