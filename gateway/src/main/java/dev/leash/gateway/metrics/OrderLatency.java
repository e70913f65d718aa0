package dev.leash.gateway.metrics;

import dev.leash.venue.PlaceResult;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.ObjLongConsumer;

/**
 * The histogram of orders' round trips to the venue ({@code leash_order_round_trip_seconds}), by outcome. The inner
 * loop records into fixed bucket counters (no allocation, no lock); a scrape reads them as a classic histogram.
 */
public final class OrderLatency implements ObjLongConsumer<PlaceResult>, Collector {

    /** What became of a place call. */
    public enum Outcome {
        /** The venue took the order. */
        ACCEPTED,
        /** The venue answered with a refusal. */
        REJECTED,
        /** The call failed: a transport error, a timeout, an error answer. */
        ERROR
    }

    static final String NAME = "leash_order_round_trip_seconds";
    /** Upper bounds in seconds; the last bucket, +Inf, is implied. */
    static final double[] BOUNDS = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    private static final long[] BOUND_NANOS = new long[BOUNDS.length];

    static {
        for (int i = 0; i < BOUNDS.length; i++) {
            BOUND_NANOS[i] = Math.round(BOUNDS[i] * 1e9);
        }
    }

    private static final int SLOTS = BOUNDS.length + 1;
    private final AtomicLongArray buckets = new AtomicLongArray(Outcome.values().length * SLOTS);
    private final AtomicLongArray sumNanos = new AtomicLongArray(Outcome.values().length);

    /** One place call: the venue's answer (null when the call failed) and how long it took. */
    @Override
    public void accept(PlaceResult result, long nanos) {
        Outcome o = result == null ? Outcome.ERROR : result.rejected() ? Outcome.REJECTED : Outcome.ACCEPTED;
        record(o, nanos);
    }

    /** Records a round trip of {@code nanos} ending in {@code outcome}. */
    public void record(Outcome outcome, long nanos) {
        long n = Math.max(0, nanos);
        int slot = 0;
        while (slot < BOUND_NANOS.length && n > BOUND_NANOS[slot]) {
            slot++;
        }
        buckets.incrementAndGet(outcome.ordinal() * SLOTS + slot);
        sumNanos.addAndGet(outcome.ordinal(), n);
    }

    @Override
    public MetricSnapshot collect() {
        HistogramSnapshot.Builder h = HistogramSnapshot.builder().name(NAME)
                .help("Time from sending an order to the venue's answer (or the call's failure), by outcome.");
        double[] bounds = java.util.Arrays.copyOf(BOUNDS, SLOTS);
        bounds[SLOTS - 1] = Double.POSITIVE_INFINITY;
        for (Outcome o : Outcome.values()) {
            long[] counts = new long[SLOTS]; // per bucket, not cumulative: the writer adds them up
            for (int i = 0; i < SLOTS; i++) {
                counts[i] = buckets.get(o.ordinal() * SLOTS + i);
            }
            h.dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                    .labels(Labels.of("outcome", o.name().toLowerCase(Locale.ROOT)))
                    .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                    .sum(sumNanos.get(o.ordinal()) / 1e9)
                    .build());
        }
        return h.build();
    }
}
