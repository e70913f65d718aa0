package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.shadow.BookFigures;
import dev.leash.gateway.shadow.Scorecard;
import io.javalin.http.Context;

import java.util.function.Supplier;

/**
 * {@code GET /api/scorecard}: "is the AI helping?" The live book against its shadow books: each shadow's figures, and
 * for each accepted change the live book minus the baseline and minus the incumbent shadow. A difference is shown
 * only with enough closed trades behind it; below the minimum the verdict is "insufficient evidence" and no number.
 */
final class ScorecardRoute {

    private final Supplier<Scorecard> scorecard;

    ScorecardRoute(Supplier<Scorecard> scorecard) {
        this.scorecard = scorecard;
    }

    JsonNode scorecard(Context ctx) {
        Query.of(ctx);
        Scorecard card = scorecard.get();
        ObjectNode o = Json.object();
        if (card == null) {
            o.put("enabled", false);
            o.put("summary", "No scorecard: the shadow books are off (shadows.enabled) or have seen no market step yet.");
            return o;
        }
        o.put("enabled", true);
        o.put("as_of", Json.time(card.asOf()));
        o.put("summary", card.summary());
        o.put("min_trades", card.minTrades());
        o.put("missed_steps", card.missedSteps());
        o.set("live", figures(card.live()));
        o.set("vs_baseline", comparison(card.vsBaseline()));
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
        ArrayNode changes = o.putArray("changes");
        for (Scorecard.Change c : card.changes()) {
            ObjectNode n = changes.addObject();
            n.put("at", Json.time(c.at()));
            n.put("from_version", c.fromVersion());
            n.put("to_version", c.toVersion());
            n.put("open", c.open());
            if (c.strategyEffect() == null) {
                n.putNull("strategy_effect");
            } else {
                n.set("strategy_effect", comparison(c.strategyEffect()));
            }
            n.set("vs_baseline", comparison(c.vsBaseline()));
        }
        return o;
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

    /** Live minus the other book; the differences only when there are enough closed trades for a verdict. */
    private static ObjectNode comparison(Scorecard.Comparison c) {
        ObjectNode o = Json.object();
        o.put("against", c.against());
        o.put("verdict", c.verdict());
        o.put("live_trades", c.live().trades());
        o.put("other_trades", c.other().trades());
        if (c.sufficient()) {
            Json.num(o, "net_pnl", c.netPnlDiff());
            Json.num(o, "return_pct", c.returnPctDiff());
            Json.num(o, "max_drawdown_pct", c.live().maxDrawdownPct() - c.other().maxDrawdownPct());
        }
        return o;
    }
}
