package dev.leash.backtest;

import java.time.Instant;
import java.util.Locale;

/** A line chart of one series as inline SVG, no scripts and no external resources. */
final class SvgChart {

    private static final int WIDTH = 960;
    private static final int HEIGHT = 260;
    private static final int PAD_LEFT = 90;
    private static final int PAD = 24;
    /** Buckets at most; each contributes its minimum and maximum, so troughs and peaks survive. */
    private static final int MAX_BUCKETS = 800;

    private SvgChart() {
    }

    /**
     * Renders {@code values} at {@code times} (epoch ms); {@code fill} shades the area between the line and the
     * top edge (drawdowns hang from zero), else only the line is drawn.
     */
    static String render(String label, long[] times, double[] values, String color, boolean fill) {
        StringBuilder svg = new StringBuilder(64 * 1024);
        svg.append("<svg viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" role=\"img\" aria-label=\"").append(HtmlReport.escape(label))
                .append("\">\n");
        svg.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" fill=\"#fff\" stroke=\"#ddd\"/>\n");
        int n = values.length;
        if (n == 0) {
            return svg.append("<text x=\"20\" y=\"40\">no data</text>\n</svg>\n").toString();
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        StringBuilder points = new StringBuilder();
        int buckets = Math.min(n, MAX_BUCKETS);
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int min = from;
            int max = from;
            for (int i = from; i < to; i++) {
                min = values[i] < values[min] ? i : min;
                max = values[i] > values[max] ? i : max;
            }
            point(points, Math.min(min, max), n, values, lo, hi);
            if (min != max) {
                point(points, Math.max(min, max), n, values, lo, hi);
            }
        }
        if (fill) {
            svg.append("<polygon fill=\"").append(color).append("\" fill-opacity=\"0.25\" points=\"")
                    .append(PAD_LEFT).append(',').append(PAD).append(' ').append(points)
                    .append(WIDTH - PAD).append(',').append(PAD).append("\"/>\n");
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                .append(points).append("\"/>\n");
        text(svg, 8, PAD + 4, format(hi));
        text(svg, 8, HEIGHT - PAD, format(lo));
        text(svg, PAD_LEFT, HEIGHT - 6, Instant.ofEpochMilli(times[0]).toString());
        text(svg, WIDTH - PAD - 170, HEIGHT - 6, Instant.ofEpochMilli(times[n - 1]).toString());
        return svg.append("</svg>\n").toString();
    }

    private static void point(StringBuilder out, int i, int n, double[] values, double lo, double hi) {
        double x = PAD_LEFT + (WIDTH - PAD_LEFT - PAD) * (n == 1 ? 0.0 : (double) i / (n - 1));
        double y = PAD + (HEIGHT - 2 * PAD) * (hi - values[i]) / (hi - lo);
        out.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static void text(StringBuilder svg, int x, int y, String s) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y)
                .append("\" font-size=\"12\" fill=\"#555\">").append(HtmlReport.escape(s)).append("</text>\n");
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }
}
