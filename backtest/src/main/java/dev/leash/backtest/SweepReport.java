package dev.leash.backtest;

import dev.leash.common.AtomicFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A sweep as a text table (best first by the sort metric) and as a self-contained HTML page with that table and
 * a heatmap: a grid of the two swept fields, or a bar chart of the one; with more fields, the table only.
 */
public final class SweepReport {

    private static final String[] COLUMNS = {"return_pct", "max_drawdown_pct", "sharpe", "trades", "win_rate_pct",
        "profit_factor", "fills"};

    private SweepReport() {
    }

    /** The table as fixed-width text, one line per combination run, then one per combination not run. */
    public static String text(SweepResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "sweep: %d combinations run, %d not run; sorted by %s%n",
                r.rows().size(), r.invalid().size(), r.sortedBy().ordering()));
        StringBuilder head = new StringBuilder();
        for (SweepAxis a : r.axes()) {
            head.append(String.format(Locale.ROOT, "%20s ", a.name()));
        }
        for (String c : COLUMNS) {
            head.append(String.format(Locale.ROOT, "%16s ", c));
        }
        sb.append(head.toString().stripTrailing()).append('\n');
        for (SweepResult.Row row : r.rows()) {
            StringBuilder line = new StringBuilder();
            for (double v : row.point().values()) {
                line.append(String.format(Locale.ROOT, "%20s ", SweepAxis.plain(v)));
            }
            for (String cell : cells(row)) {
                line.append(String.format(Locale.ROOT, "%16s ", cell));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        for (ParamSweep.Point p : r.invalid()) {
            sb.append("not run: ").append(assignment(r.axes(), p)).append(": ")
                    .append(p.violations().get(0).field()).append(": ").append(p.violations().get(0).message())
                    .append('\n');
        }
        return sb.toString();
    }

    /** Writes the HTML page through a temporary file and a rename. */
    public static void write(Path file, String title, SweepResult r) throws IOException {
        String html = html(title, r);
        AtomicFiles.write(file, out -> out.write(html));
    }

    /** The HTML page: the heatmap, then the table. */
    public static String html(String title, SweepResult r) {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(HtmlReport.escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
                .append("td,th{border:1px solid #ccc;padding:3px 10px;text-align:right}\n")
                .append("th{background:#f3f3f3}\nsvg{width:100%;height:auto}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(HtmlReport.escape(title)).append("</h1>\n");
        h.append("<p>").append(r.rows().size()).append(" combinations run, ").append(r.invalid().size())
                .append(" not run (outside the limits); sorted by ").append(r.sortedBy().ordering())
                .append(".</p>\n<h2>Heatmap of ").append(r.sortedBy().wireName()).append("</h2>\n");
        if (r.axes().size() == 2) {
            h.append(SweepHeatmap.grid(r));
        } else if (r.axes().size() == 1) {
            h.append(SweepHeatmap.bars(r));
        } else {
            h.append("<p>A heatmap is drawn for one or two swept fields; this sweep has ").append(r.axes().size())
                    .append(".</p>\n");
        }
        h.append("<h2>Combinations</h2>\n<table>\n<tr>");
        for (SweepAxis a : r.axes()) {
            h.append("<th>").append(HtmlReport.escape(a.name())).append("</th>");
        }
        for (String c : COLUMNS) {
            h.append("<th>").append(c).append("</th>");
        }
        h.append("</tr>\n");
        for (SweepResult.Row row : r.rows()) {
            h.append("<tr>");
            for (double v : row.point().values()) {
                h.append("<td>").append(SweepAxis.plain(v)).append("</td>");
            }
            for (String cell : cells(row)) {
                h.append("<td>").append(cell).append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        if (!r.invalid().isEmpty()) {
            h.append("<h2>Not run</h2>\n<table>\n");
            for (ParamSweep.Point p : r.invalid()) {
                h.append("<tr><th>").append(HtmlReport.escape(assignment(r.axes(), p))).append("</th><td>")
                        .append(HtmlReport.escape(p.violations().get(0).message())).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        return h.append("</body>\n</html>\n").toString();
    }

    /** {@code max_position_pct=0.2, breakout_lookback=12}. */
    static String assignment(List<SweepAxis> axes, ParamSweep.Point p) {
        StringBuilder sb = new StringBuilder();
        for (int a = 0; a < axes.size(); a++) {
            sb.append(a == 0 ? "" : ", ").append(axes.get(a).name()).append('=')
                    .append(SweepAxis.plain(p.values().get(a)));
        }
        return sb.toString();
    }

    /** The metric of every run combination by its values, for the heatmap. */
    static Map<List<Double>, Double> metricByValues(SweepResult r) {
        Map<List<Double>, Double> out = new HashMap<>();
        for (SweepResult.Row row : r.rows()) {
            out.put(row.point().values(), r.sortedBy().of(row.metrics()));
        }
        return out;
    }

    static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : Double.toString(v);
    }

    private static String[] cells(SweepResult.Row row) {
        BacktestMetrics m = row.metrics();
        return new String[] {num(m.totalReturnPct()), num(m.maxDrawdownPct()), num(m.sharpe()),
            Integer.toString(m.trades()), num(m.winRatePct()), num(m.profitFactor()), Integer.toString(row.fills())};
    }
}
