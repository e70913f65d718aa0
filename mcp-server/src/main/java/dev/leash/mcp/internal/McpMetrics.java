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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/**
 * The MCP server's Prometheus metrics: tool calls by tool and status with their latency, open sessions, the
 * snapshot's answers (from memory or the gateway) and the age of the last one served from memory, whether the
 * gateway's events stream is followed, and the round trips made to the gateway. Over a fleet of several gateways
 * the gateway-facing series (snapshot, events stream, round trips) carry a {@code gateway} label, one series per
 * gateway; with one gateway they have none. Thread-safe; a scrape reads only counters and callbacks, never the
 * gateway.
 */
public final class McpMetrics implements SnapshotStats {

    /** Tool latency buckets in seconds: a snapshot answer is well under a millisecond, a backtest many seconds. */
    private static final double[] BUCKETS = {0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
            1, 2.5, 5, 10, 30};
    private static final String GATEWAY = "gateway";

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final Counter calls;
    private final Histogram latency;
    private final Counter snapshotReads;
    /** Whether the gateway-facing series carry a {@code gateway} label: several gateways are configured. */
    private final boolean labelled;
    /** The age of the last answer from memory, per gateway name in configured order (one null key when unlabelled). */
    private final Map<String, AtomicLong> lastHitAgeNanos;

    /** What one scrape answers. */
    public record Exposition(String contentType, byte[] body) {
    }

    /** One gateway whose events stream and round trips are read at each scrape (name null when unlabelled). */
    private record Watched(String name, GatewayReads reads) {
    }

    private volatile List<Watched> watched = List.of();

    /** Metrics of a one-gateway server reading the open sessions from {@code sessions}. */
    public McpMetrics(IntSupplier sessions) {
        this(sessions, Collections.singletonList(null));
    }

    /**
     * Metrics reading the open sessions from {@code sessions}, for the configured {@code gateways} (their names, in
     * order; labelled when there are several); the gateway side once {@link #watch} was called.
     */
    public McpMetrics(IntSupplier sessions, List<String> gateways) {
        labelled = gateways.size() > 1;
        Map<String, AtomicLong> ages = new LinkedHashMap<>();
        for (String g : labelled ? gateways : Collections.<String>singletonList(null)) {
            ages.put(g, new AtomicLong(-1));
        }
        lastHitAgeNanos = Collections.unmodifiableMap(ages);
        calls = Counter.builder().name("leash_mcp_tool_calls")
                .help("Tool calls answered, by tool and status (ok, or error for an isError result).")
                .labelNames("tool", "status").register(registry);
        latency = Histogram.builder().name("leash_mcp_tool_call_seconds")
                .help("How long a tool call took inside the MCP server, in seconds, by tool.")
                .labelNames("tool").classicOnly().classicUpperBounds(BUCKETS).register(registry);
        snapshotReads = Counter.builder().name("leash_mcp_snapshot_reads")
                .help("Reads by where the answer came from: memory (the snapshot was fresh) or gateway.")
                .labelNames(labels("source")).register(registry);
        for (String g : lastHitAgeNanos.keySet()) {
            snapshotReads.labelValues(values(g, "memory"));
            snapshotReads.labelValues(values(g, "gateway"));
        }
        GaugeWithCallback.builder().name("leash_mcp_sessions").help("Open MCP sessions.")
                .callback(cb -> cb.call(sessions.getAsInt())).register(registry);
        GaugeWithCallback.builder().name("leash_mcp_snapshot_age_seconds")
                .help("The age of the last answer served from the snapshot, in seconds (absent before the first).")
                .labelNames(labels()).callback(cb -> lastHitAgeNanos.forEach((g, last) -> {
                    long age = last.get();
                    if (age >= 0) {
                        cb.call(age / 1e9, values(g));
                    }
                })).register(registry);
        GaugeWithCallback.builder().name("leash_mcp_events_stream_up")
                .help("1 while the gateway's events stream is followed (reads may come from the snapshot), else 0.")
                .labelNames(labels()).callback(cb -> {
                    List<Watched> all = watched;
                    if (all.isEmpty() && !labelled) {
                        cb.call(0);
                    }
                    for (Watched w : all) {
                        EventsFollower events = w.reads().events();
                        cb.call(events != null && events.generation() >= 0 ? 1 : 0, values(w.name()));
                    }
                }).register(registry);
        CounterWithCallback.builder().name("leash_mcp_gateway_requests")
                .help("HTTP requests sent to the gateway's REST API (retries included), by kind: read or write.")
                .labelNames(labels("kind")).callback(cb -> {
                    List<Watched> all = watched;
                    if (all.isEmpty() && !labelled) {
                        cb.call(0, "read");
                        cb.call(0, "write");
                    }
                    for (Watched w : all) {
                        cb.call(w.reads().gateway().reads(), values(w.name(), "read"));
                        cb.call(w.reads().gateway().writes(), values(w.name(), "write"));
                    }
                }).register(registry);
    }

    /** The label names of a gateway-facing series: {@code gateway} first when labelled, then {@code others}. */
    private String[] labels(String... others) {
        return labelled ? prepend(GATEWAY, others) : others;
    }

    /** The label values matching {@link #labels}: {@code gateway}'s name first when labelled. */
    private String[] values(String gateway, String... others) {
        return labelled ? prepend(gateway, others) : others;
    }

    private static String[] prepend(String first, String... others) {
        String[] all = new String[others.length + 1];
        all[0] = first;
        System.arraycopy(others, 0, all, 1, others.length);
        return all;
    }

    /** Reads the events stream's state and the gateway round trips from {@code reads} (the one gateway) from now on. */
    public void watch(GatewayReads reads) {
        this.watched = List.of(new Watched(null, reads));
    }

    /** Reads every gateway's events stream state and round trips (the first's only, when unlabelled) from now on. */
    public void watch(Fleet fleet) {
        List<Watched> all = new ArrayList<>();
        for (Fleet.Member m : labelled ? fleet.members() : List.of(fleet.first())) {
            all.add(new Watched(labelled ? m.name() : null, m.reads()));
        }
        this.watched = List.copyOf(all);
    }

    /** Counts one tool call and its latency. */
    public void call(String tool, boolean error, long nanos) {
        calls.labelValues(tool, error ? "error" : "ok").inc();
        latency.labelValues(tool).observe(nanos / 1e9);
    }

    @Override
    public void hit(long ageNanos) {
        hit(lastHitAgeNanos.keySet().iterator().next(), ageNanos);
    }

    @Override
    public void miss() {
        miss(lastHitAgeNanos.keySet().iterator().next());
    }

    private void hit(String gateway, long ageNanos) {
        snapshotReads.labelValues(values(gateway, "memory")).inc();
        AtomicLong last = lastHitAgeNanos.get(gateway);
        if (last != null) {
            last.set(ageNanos);
        }
    }

    private void miss(String gateway) {
        snapshotReads.labelValues(values(gateway, "gateway")).inc();
    }

    /** The snapshot reads of the gateway named {@code name}: under its name when labelled, else these. */
    @Override
    public SnapshotStats forGateway(String name) {
        if (!labelled || !lastHitAgeNanos.containsKey(name)) {
            return this;
        }
        return new SnapshotStats() {
            @Override
            public void hit(long ageNanos) {
                McpMetrics.this.hit(name, ageNanos);
            }

            @Override
            public void miss() {
                McpMetrics.this.miss(name);
            }
        };
    }

    /** Every metric, in the format {@code accept} (an {@code Accept} header, null for none) asks for. */
    public Exposition scrape(String accept) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8_192);
        writer.write(out, registry.scrape());
        return new Exposition(writer.getContentType(), out.toByteArray());
    }
}
