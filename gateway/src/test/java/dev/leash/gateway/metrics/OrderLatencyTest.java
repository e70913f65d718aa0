package dev.leash.gateway.metrics;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** Order round trips land in the right buckets of a classic histogram, by outcome. */
class OrderLatencyTest {

    @Test
    void putsEachRoundTripInItsBucketAndSumsItsSeconds() throws Exception {
        OrderLatency l = new OrderLatency();
        l.record(OrderLatency.Outcome.ACCEPTED, 3_000_000);     // 3 ms: le 0.005
        l.record(OrderLatency.Outcome.ACCEPTED, 40_000_000);    // 40 ms: le 0.05
        l.record(OrderLatency.Outcome.ERROR, 30_000_000_000L);  // 30 s: +Inf only
        l.accept(null, 1_000_000);                              // a failed call: error, le 0.001
        String text = PrometheusTextFormatWriter.create().toDebugString(MetricSnapshots.of(l.collect()));
        PrometheusText p = PrometheusText.parse(text);
        String b = OrderLatency.NAME + "_bucket";
        assertThat(p.value(b, Map.of("outcome", "accepted", "le", "0.0025"))).isZero();
        assertThat(p.value(b, Map.of("outcome", "accepted", "le", "0.005"))).isEqualTo(1);
        assertThat(p.value(b, Map.of("outcome", "accepted", "le", "0.05"))).isEqualTo(2);
        assertThat(p.value(b, Map.of("outcome", "error", "le", "0.001"))).isEqualTo(1);
        assertThat(p.value(b, Map.of("outcome", "error", "le", "10.0"))).isEqualTo(1);
        assertThat(p.value(b, Map.of("outcome", "error", "le", "+Inf"))).isEqualTo(2);
        assertThat(p.value(OrderLatency.NAME + "_sum", Map.of("outcome", "accepted"))).isCloseTo(0.043, offset(1e-9));
        assertThat(p.value(OrderLatency.NAME + "_count", Map.of("outcome", "rejected"))).isZero();
    }
}
