package dev.leash.backtest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A sweep's sort metric as inline SVG: a colour grid over two swept fields, or bars over one. */
final class SweepHeatmap {

    private static final int CELL_W = 64;
    private static final int CELL_H = 26;
    private static final int PAD_LEFT = 110;
    private static final int PAD_TOP = 40;

    private SweepHeatmap() {
    }

    /** Rows are the first field's values, columns the second's; grey cells were not run. */
    static String grid(SweepResult r) {
        List<Double> ys = r.axes().get(0).values();
        List<Double> xs = r.axes().get(1).values();
        Map<List<Double>, Double> metric = SweepReport.metricByValues(r);
        double[] range = range(metric.values());
        int width = PAD_LEFT + xs.size() * CELL_W + 10;
        int height = PAD_TOP + ys.size() * CELL_H + 10;
        StringBuilder svg = open(width, height, "heatmap of " + r.sortedBy().wireName());
        text(svg, 4, 16, r.axes().get(0).name() + " (rows) by " + r.axes().get(1).name() + " (columns)", "start");
        for (int x = 0; x < xs.size(); x++) {
            text(svg, PAD_LEFT + x * CELL_W + CELL_W / 2, PAD_TOP - 6, SweepAxis.plain(xs.get(x)), "middle");
        }
        for (int y = 0; y < ys.size(); y++) {
            int top = PAD_TOP + y * CELL_H;
            text(svg, PAD_LEFT - 6, top + CELL_H / 2 + 4, SweepAxis.plain(ys.get(y)), "end");
            for (int x = 0; x < xs.size(); x++) {
                Double v = metric.get(List.of(ys.get(y), xs.get(x)));
                int left = PAD_LEFT + x * CELL_W;
                svg.append("<rect x=\"").append(left).append("\" y=\"").append(top).append("\" width=\"")
                        .append(CELL_W).append("\" height=\"").append(CELL_H).append("\" fill=\"")
                        .append(v == null ? "#ddd" : color(v, range, r.sortedBy().higherIsBetter()))
                        .append("\" stroke=\"#fff\"/>\n");
                text(svg, left + CELL_W / 2, top + CELL_H / 2 + 4, v == null ? "not run" : SweepReport.num(v),
                        "middle");
            }
        }
        return svg.append("</svg>\n").toString();
    }

    /** One bar per value of the single swept field, from zero. */
    static String bars(SweepResult r) {
        SweepAxis axis = r.axes().get(0);
        Map<List<Double>, Double> metric = SweepReport.metricByValues(r);
        double[] range = range(metric.values());
        double lo = Math.min(0, range[0]);
        double hi = Math.max(0, range[1]);
        if (hi == lo) {
            hi = lo + 1;
        }
        int plot = 200;
        int width = PAD_LEFT + axis.values().size() * CELL_W + 10;
        int height = PAD_TOP + plot + 30;
        StringBuilder svg = open(width, height, "bar chart of " + r.sortedBy().wireName());
        text(svg, 4, 16, r.sortedBy().wireName() + " by " + axis.name(), "start");
        double zero = PAD_TOP + plot * hi / (hi - lo);
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#555\"/>%n",
                PAD_LEFT, zero, width - 10, zero));
        for (int i = 0; i < axis.values().size(); i++) {
            Double v = metric.get(List.of(axis.values().get(i)));
            int left = PAD_LEFT + i * CELL_W + 6;
            text(svg, left + CELL_W / 2 - 6, height - 8, SweepAxis.plain(axis.values().get(i)), "middle");
            if (v == null || !Double.isFinite(v)) {
                text(svg, left + CELL_W / 2 - 6, (int) zero - 4, v == null ? "not run" : SweepReport.num(v),
                        "middle");
                continue;
            }
            double y = PAD_TOP + plot * (hi - v) / (hi - lo);
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"/>%n", left,
                    Math.min(y, zero), CELL_W - 12, Math.abs(zero - y), color(v, range, r.sortedBy().higherIsBetter())));
            text(svg, left + CELL_W / 2 - 6, (int) Math.min(y, zero) - 4, SweepReport.num(v), "middle");
        }
        return svg.append("</svg>\n").toString();
    }

    private static StringBuilder open(int width, int height, String label) {
        StringBuilder svg = new StringBuilder(16 * 1024);
        return svg.append("<svg viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(label)).append("\">\n");
    }

    /** The finite minimum and maximum, or 0..1 when there is none. */
    private static double[] range(Iterable<Double> values) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            if (Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return lo > hi ? new double[] {0, 1} : new double[] {lo, hi};
    }

    /** Red for the worst value, through yellow, to green for the best. */
    private static String color(double v, double[] range, boolean higherIsBetter) {
        double t = range[1] > range[0] ? (Math.max(range[0], Math.min(range[1], v)) - range[0])
                / (range[1] - range[0]) : 0.5;
        if (!Double.isFinite(v)) {
            t = v > 0 ? 1 : 0;
        }
        t = higherIsBetter ? t : 1 - t;
        int red = (int) Math.round(t < 0.5 ? 215 : 215 - (t - 0.5) * 2 * 175);
        int green = (int) Math.round(t < 0.5 ? 60 + t * 2 * 150 : 210 - (t - 0.5) * 2 * 40);
        return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, 70);
    }

    private static void text(StringBuilder svg, int x, int y, String s, String anchor) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"11\" text-anchor=\"")
                .append(anchor).append("\">").append(HtmlReport.escape(s)).append("</text>\n");
    }
}
