package dev.leash.backtest;

import dev.leash.common.AtomicFiles;
import dev.leash.venue.Fill;
import dev.leash.risk.ParamField;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A self-contained HTML report of one backtest: metrics, the parameters used, the equity curve and drawdown as
 * inline SVG, and the last fills. No scripts, no external CSS or fonts; the page is a pure function of the
 * result, so the same backtest renders the same bytes.
 */
public final class HtmlReport {

    /** Fills listed at the end of the report, most recent last. */
    static final int FILLS_SHOWN = 50;

    private HtmlReport() {
    }

    /** Writes the report to {@code file} through a temporary file and a rename. */
    public static void write(Path file, String title, BacktestResult result) throws IOException {
        String html = render(title, result);
        AtomicFiles.write(file, out -> out.write(html));
    }

    /** The report as a string. */
    public static String render(String title, BacktestResult result) {
        StringBuilder h = new StringBuilder(128 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1000px}\n")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
                .append("td,th{border:1px solid #ccc;padding:3px 10px;text-align:right}\n")
                .append("th{background:#f3f3f3;text-align:left}\nsvg{width:100%;height:auto}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
        EquityCurve curve = result.equityCurve();
        h.append("<p>").append(escape(String.join(", ", result.symbols()))).append("; ")
                .append(curve.size()).append(" bars after a warm-up of ").append(result.warmupBars());
        if (curve.size() > 0) {
            h.append("; ").append(Instant.ofEpochMilli(curve.time(0))).append(" to ")
                    .append(Instant.ofEpochMilli(curve.time(curve.size() - 1)));
        }
        h.append(".</p>\n<h2>Metrics</h2>\n");
        metrics(h, result.metrics(), result.fills().size(), result.rejectedOrders());
        h.append("<h2>Equity</h2>\n");
        long[] times = new long[curve.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = curve.time(i);
        }
        h.append(SvgChart.render("equity curve", times, curve.toArray(), "#1f77b4", false));
        h.append("<h2>Drawdown</h2>\n");
        double[] dd = curve.drawdownPct();
        for (int i = 0; i < dd.length; i++) {
            dd[i] = -dd[i];
        }
        h.append(SvgChart.render("drawdown, percent", times, dd, "#d62728", true));
        h.append("<h2>Parameters</h2>\n");
        params(h, result.params());
        h.append("<h2>Last fills</h2>\n");
        fills(h, result.fills());
        return h.append("</body>\n</html>\n").toString();
    }

    private static void metrics(StringBuilder h, BacktestMetrics m, int fills, int rejected) {
        h.append("<table>\n");
        row(h, "Initial balance (USDT)", num(m.initialBalance()));
        row(h, "Final equity (USDT)", num(m.finalEquity()));
        row(h, "Total return", pct(m.totalReturnPct()));
        row(h, "Max drawdown", pct(m.maxDrawdownPct()));
        String noSharpe = m.sharpeUnavailableReason();
        row(h, "Sharpe (annualized)", noSharpe == null ? num(m.sharpe()) : "unavailable: " + noSharpe);
        row(h, "Trades (round trips)", Integer.toString(m.trades()));
        row(h, "Win rate", pct(m.winRatePct()));
        row(h, "Profit factor", num(m.profitFactor()));
        row(h, "Realized P&amp;L (USDT)", num(m.realizedPnl()));
        row(h, "Unrealized P&amp;L (USDT)", num(m.unrealizedPnl()));
        row(h, "Fees paid (USDT)", num(m.feesPaid()));
        row(h, "Funding paid (USDT)", num(m.fundingPaid()));
        row(h, "Fills", Integer.toString(fills));
        row(h, "Orders rejected by the exchange", Integer.toString(rejected));
        row(h, "Bars processed", Integer.toString(m.barsProcessed()));
        h.append("</table>\n");
    }

    private static void params(StringBuilder h, Params p) {
        h.append("<table>\n");
        row(h, "version", Long.toString(p.version()));
        row(h, ParamField.MAX_POSITION_PCT.wireName(), num(p.maxPositionPct()));
        row(h, ParamField.STOP_LOSS_PCT.wireName(), num(p.stopLossPct()));
        row(h, ParamField.TAKE_PROFIT_PCT.wireName(), p.takeProfitPct() == null ? "off" : num(p.takeProfitPct()));
        row(h, ParamField.BREAKOUT_LOOKBACK.wireName(), Integer.toString(p.breakoutLookback()));
        row(h, ParamField.MAX_LEVERAGE.wireName(), num(p.maxLeverage()));
        row(h, ParamField.DAILY_LOSS_LIMIT_PCT.wireName(), num(p.dailyLossLimitPct()));
        row(h, ParamField.TRADING_MODE.wireName(), p.tradingMode().wireName());
        for (Map.Entry<String, SymbolParams> e : p.symbols().entrySet()) {
            row(h, ParamField.SYMBOLS + "." + escape(e.getKey()), (e.getValue().enabled() ? "enabled" : "disabled")
                    + ", " + ParamField.SIZE_MULTIPLIER.wireName() + " " + num(e.getValue().sizeMultiplier()));
        }
        h.append("</table>\n");
    }

    private static void fills(StringBuilder h, List<Fill> fills) {
        h.append("<table>\n<tr><th>time</th><th>symbol</th><th>side</th><th>qty</th><th>price</th>")
                .append("<th>fee</th><th>realized</th></tr>\n");
        for (Fill f : fills.subList(Math.max(0, fills.size() - FILLS_SHOWN), fills.size())) {
            h.append("<tr><td>").append(Instant.ofEpochMilli(f.time())).append("</td><td>")
                    .append(escape(f.symbol())).append("</td><td>").append(f.side()).append("</td><td>")
                    .append(CandleCsv.plain(f.qty())).append("</td><td>").append(CandleCsv.plain(f.price()))
                    .append("</td><td>").append(num(f.fee())).append("</td><td>").append(num(f.realizedPnl()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void row(StringBuilder h, String name, String value) {
        h.append("<tr><th>").append(name).append("</th><td>").append(escape(value)).append("</td></tr>\n");
    }

    private static String num(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%,.2f", v) : Double.toString(v);
    }

    private static String pct(double v) {
        return num(v) + " %";
    }

    /** Escapes text for HTML content and attribute values. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
