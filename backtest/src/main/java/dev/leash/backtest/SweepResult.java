package dev.leash.backtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a sweep produced: the metrics of every valid combination, best first by {@code sortedBy} (ties in
 * combination order), and the combinations not run because the limits reject them.
 */
public record SweepResult(List<SweepAxis> axes, SweepMetric sortedBy, List<Row> rows,
                          List<ParamSweep.Point> invalid) {

    /** One combination that ran. */
    public record Row(ParamSweep.Point point, int fills, BacktestMetrics metrics) {
    }

    public SweepResult {
        axes = List.copyOf(axes);
        List<Row> sorted = new ArrayList<>(rows);
        Comparator<Row> byMetric = Comparator.comparingDouble(r -> sortKey(sortedBy, r));
        sorted.sort(byMetric.thenComparingInt(r -> r.point().index()));
        rows = List.copyOf(sorted);
        invalid = List.copyOf(invalid);
    }

    private static double sortKey(SweepMetric m, Row r) {
        double v = m.of(r.metrics());
        if (Double.isNaN(v)) {
            return Double.POSITIVE_INFINITY;
        }
        return m.higherIsBetter() ? -v : v;
    }

    /** The best combination, or null when none ran. */
    public Row best() {
        return rows.isEmpty() ? null : rows.get(0);
    }
}
