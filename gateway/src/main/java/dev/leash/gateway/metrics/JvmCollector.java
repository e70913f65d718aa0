package dev.leash.gateway.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The JVM's metrics (memory, GC, threads, classes, process) from the client library's instrumentation, registered
 * once per JVM (it installs JMX listeners) and shared by every gateway's registry.
 */
final class JvmCollector implements MultiCollector {

    private static final PrometheusRegistry JVM = new PrometheusRegistry();

    static {
        JvmMetrics.builder().register(JVM);
    }

    @Override
    public MetricSnapshots collect() {
        return JVM.scrape();
    }
}
