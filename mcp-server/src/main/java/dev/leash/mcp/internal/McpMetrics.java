package dev.leash.mcp.internal;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The MCP server's Prometheus metrics: tool calls by tool and status with their latency, open sessions, the
 * snapshot's answers (from memory or the gateway) and the age of the last one served from memory, whether the
 * gateway's events stream is followed, and the round trips made to the gateway. Thread-safe; a scrape reads only
 * counters and callbacks, never the gateway.
 */
public final class McpMetrics implements SnapshotStats {

    /** Tool latency buckets in seconds: a snapshot answer is well under a millisecond, a backtest many seconds. */
    private static final double[] BUCKETS = {0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
            1, 2.5, 5, 10, 30};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final Counter calls;
    private final Histogram latency;
    private final Counter snapshotReads;
    private final AtomicLong lastHitAgeNanos = new AtomicLong(-1);

    /** What one scrape answers. */
    public record Exposition(String contentType, byte[] body) {
    }

    private volatile GatewayReads reads;

    /** Metrics reading the open sessions from {@code sessions}; the gateway side once {@link #watch} was called. */
    public McpMetrics(IntSupplier sessions) {
        calls = Counter.builder().name("leash_mcp_tool_calls")
                .help("Tool calls answered, by tool and status (ok, or error for an isError result).")
                .labelNames("tool", "status").register(registry);
        latency = Histogram.builder().name("leash_mcp_tool_call_seconds")
                .help("How long a tool call took inside the MCP server, in seconds, by tool.")
                .labelNames("tool").classicOnly().classicUpperBounds(BUCKETS).register(registry);
        snapshotReads = Counter.builder().name("leash_mcp_snapshot_reads")
                .help("Reads by where the answer came from: memory (the snapshot was fresh) or gateway.")
                .labelNames("source").register(registry);
        snapshotReads.labelValues("memory");
        snapshotReads.labelValues("gateway");
        GaugeWithCallback.builder().name("leash_mcp_sessions").help("Open MCP sessions.")
                .callback(cb -> cb.call(sessions.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("leash_mcp_snapshot_age_seconds")
                .help("The age of the last answer served from the snapshot, in seconds (absent before the first).")
                .callback(cb -> {
                    long age = lastHitAgeNanos.get();
                    if (age >= 0) {
                        cb.call(age / 1e9);
                    }
                }).register(registry);
        GaugeWithCallback.builder().name("leash_mcp_events_stream_up")
                .help("1 while the gateway's events stream is followed (reads may come from the snapshot), else 0.")
                .callback(cb -> {
                    GatewayReads r = reads;
                    cb.call(r != null && r.events() != null && r.events().generation() >= 0 ? 1 : 0);
                }).register(registry);
        CounterWithCallback.builder().name("leash_mcp_gateway_requests")
                .help("HTTP requests sent to the gateway's REST API (retries included), by kind: read or write.")
                .labelNames("kind").callback(cb -> {
                    GatewayReads r = reads;
                    cb.call(r == null ? 0 : r.gateway().reads(), "read");
                    cb.call(r == null ? 0 : r.gateway().writes(), "write");
                }).register(registry);
    }

    /** Reads the events stream's state and the gateway round trips from {@code reads} from now on. */
    public void watch(GatewayReads reads) {
        this.reads = reads;
    }

    /** Counts one tool call and its latency. */
    public void call(String tool, boolean error, long nanos) {
        calls.labelValues(tool, error ? "error" : "ok").inc();
        latency.labelValues(tool).observe(nanos / 1e9);
    }

    @Override
    public void hit(long ageNanos) {
        snapshotReads.labelValues("memory").inc();
        lastHitAgeNanos.set(ageNanos);
    }

    @Override
    public void miss() {
        snapshotReads.labelValues("gateway").inc();
    }

    /** Every metric, in the format {@code accept} (an {@code Accept} header, null for none) asks for. */
    public Exposition scrape(String accept) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        writer.write(out, registry.scrape());
        return new Exposition(writer.getContentType(), out.toByteArray());
    }
}
