package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.scorecard.AttributionReport;
import dev.leash.gateway.shadow.BookFigures;
import dev.leash.gateway.scorecard.BookWindow;
import dev.leash.gateway.scorecard.ChangeEffect;
import dev.leash.gateway.scorecard.Effect;
import dev.leash.gateway.shadow.Scorecard;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * {@code GET /api/scorecard?window=24h|7d|30d[&compact=true]}: "is the AI helping?" Worked out from the journal: the
 * live book against the untouched baseline over the window, and for each change made in it the strategy effect,
 * the execution effect and the live book against the baseline, each with both books' figures and, past the minimum
 * of closed trades, the difference with its 95 % bootstrap interval and a verdict.
 */
final class ScorecardRoute {

    static final String DEFAULT_WINDOW = "7d";
    static final Map<String, Long> WINDOWS = Map.of("24h", 86_400_000L, "7d", 7 * 86_400_000L,
            "30d", 30 * 86_400_000L);

    private final Supplier<Scorecard> scorecard;
    private final BiFunction<String, Long, AttributionReport> attribution;

    ScorecardRoute(Supplier<Scorecard> scorecard, BiFunction<String, Long, AttributionReport> attribution) {
        this.scorecard = scorecard;
        this.attribution = attribution;
    }

    JsonNode scorecard(Context ctx) {
        Query q = Query.of(ctx, "window", "compact");
        String window = q.oneOf("window", DEFAULT_WINDOW, List.of("24h", "7d", "30d"));
        boolean compact = q.oneOf("compact", "false", List.of("true", "false")).equals("true");
        Scorecard card = scorecard.get();
        AttributionReport report = card == null ? null : attribution.apply(window, WINDOWS.get(window));
        if (card == null || report == null) {
            ObjectNode o = Json.object();
            o.put("enabled", false);
            o.put("summary", "No scorecard: the shadow books are off (shadows.enabled) or have seen no market step yet.");
            return o;
        }
        return compact ? ScorecardCompact.of(report) : full(card, report);
    }

    private static ObjectNode full(Scorecard card, AttributionReport report) {
        ObjectNode o = Json.object();
        o.put("enabled", true);
        o.put("as_of", Json.time(card.asOf()));
        o.put("window", report.window());
        o.put("from", Json.time(report.from()));
        o.put("summary", report.trackRecord());
        o.put("warmup_minutes", report.warmupMillis() / 60_000);
        o.put("min_trades", report.minTrades());
        o.put("confidence", "95 % bootstrap interval of the difference in closed-trade P&L: 2000 resamples of each"
                + " book's round trips, fixed seed");
        o.put("missed_steps", card.missedSteps());
        if (report.vsBaseline() == null) {
            o.putNull("vs_baseline");
        } else {
            o.set("vs_baseline", effect(report.vsBaseline()));
        }
        ArrayNode changes = o.putArray("changes");
        for (ChangeEffect c : report.changes()) {
            ObjectNode n = changes.addObject();
            n.put("at", Json.time(c.at()));
            n.put("from_version", c.fromVersion());
            n.put("to_version", c.toVersion());
            n.put("by", c.by());
            n.put("open", c.open());
            putEffect(n, "strategy_effect", c.strategyEffect());
            putEffect(n, "execution_effect", c.executionEffect());
            putEffect(n, "vs_baseline", c.vsBaseline());
        }
        ArrayNode shadows = o.putArray("shadows");
        for (Scorecard.Shadow s : card.shadows()) {
            ObjectNode n = figures(s.figures());
            n.put("name", s.name());
            n.put("params_version", s.paramsVersion());
            n.put("active", s.active());
            n.put("status", s.active() ? "running" : "retired");
            n.put("flagged", s.flagged());
            ArrayNode flags = n.putArray("flags");
            s.flags().forEach(flags::add);
            shadows.add(n);
        }
        return o;
    }

    private static void putEffect(ObjectNode n, String name, Effect e) {
        if (e == null) {
            n.putNull(name);
        } else {
            n.set(name, effect(e));
        }
    }

    private static ObjectNode figures(BookFigures f) {
        ObjectNode o = Json.object();
        o.put("since", Json.time(f.since()));
        Json.num(o, "net_pnl", f.netPnl());
        Json.num(o, "return_pct", f.returnPct());
        Json.num(o, "max_drawdown_pct", f.maxDrawdownPct());
        o.put("trades", f.trades());
        return o;
    }

    /** Book minus other; the difference and its interval only when there are enough closed trades for a verdict. */
    static ObjectNode effect(Effect e) {
        ObjectNode o = Json.object();
        o.put("book", e.book());
        o.put("against", e.against());
        o.put("from", Json.time(e.from()));
        o.put("to", Json.time(e.to()));
        o.put("verdict", e.verdict());
        o.put("in_words", e.plain());
        o.set("book_figures", window(e.bookFigures()));
        o.set("other_figures", window(e.other()));
        o.put("entries_added", e.entriesAdded());
        o.put("entries_skipped", e.entriesSkipped());
        if (e.sufficient()) {
            ObjectNode d = o.putObject("difference");
            Json.num(d, "net_pnl", e.netPnlDiff());
            Json.num(d, "return_pct", e.returnPctDiff());
            Json.num(d, "max_drawdown_pct", e.maxDrawdownPctDiff());
            d.put("trades", e.tradesDiff());
            ArrayNode ci = d.putArray("net_pnl_ci95");
            ci.add(Json.round(e.ciLow()));
            ci.add(Json.round(e.ciHigh()));
        }
        return o;
    }

    private static ObjectNode window(BookWindow w) {
        ObjectNode o = Json.object();
        Json.num(o, "net_pnl", w.netPnl());
        Json.num(o, "return_pct", w.returnPct());
        Json.num(o, "max_drawdown_pct", w.maxDrawdownPct());
        o.put("trades", w.trades());
        return o;
    }
}
