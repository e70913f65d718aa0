package dev.leash.gateway.metrics;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test parser accepts the format and refuses what breaks it, so a passing scrape test means something. */
class PrometheusTextTest {

    private static final String GOOD = """
            # HELP a_total Things.
            # TYPE a_total counter
            a_total{x="1",y="q\\"uote"} 3.0
            # TYPE h histogram
            h_bucket{le="0.5"} 1
            h_bucket{le="+Inf"} 2
            h_count 2
            h_sum 1.25
            """;

    @Test
    void readsSamplesLabelsAndHistograms() {
        PrometheusText p = PrometheusText.parse(GOOD);
        assertThat(p.type("a_total")).isEqualTo("counter");
        assertThat(p.value("a_total", Map.of("x", "1", "y", "q\"uote"))).isEqualTo(3.0);
        assertThat(p.value("h_sum")).isEqualTo(1.25);
    }

    @Test
    void refusesASampleWithoutType() {
        assertThatThrownBy(() -> PrometheusText.parse("b 1\n")).hasMessageContaining("no TYPE");
    }

    @Test
    void refusesMalformedLabelsValuesAndDuplicates() {
        String head = "# TYPE b gauge\n";
        assertThatThrownBy(() -> PrometheusText.parse(head + "b{x=1} 1\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> PrometheusText.parse(head + "b one\n")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> PrometheusText.parse(head + "b 1\nb 2\n")).hasMessageContaining("second sample");
        assertThatThrownBy(() -> PrometheusText.parse(head + "b 1")).hasMessageContaining("line feed");
    }

    @Test
    void refusesInterleavedFamiliesAndBrokenHistograms() {
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE b gauge\n# TYPE c gauge\nb 1\nc 1\nb{x=\"2\"} 1\n"))
                .hasMessageContaining("not contiguous");
        assertThatThrownBy(() -> PrometheusText.parse(GOOD.replace("h_count 2", "h_count 3")))
                .hasMessageContaining("+Inf bucket");
        assertThatThrownBy(() -> PrometheusText.parse(GOOD.replace("le=\"+Inf\"} 2", "le=\"+Inf\"} 0")))
                .hasMessageContaining("cumulative");
    }
}
