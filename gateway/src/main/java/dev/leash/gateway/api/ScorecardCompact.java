package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.scorecard.AttributionReport;
import dev.leash.gateway.scorecard.ChangeEffect;
import dev.leash.gateway.scorecard.Effect;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The scorecard in a few hundred bytes for a model's context: the track record line, and per change one array
 * {@code [versions, time, strategy, execution, vs_baseline]}, each effect as "verdict diff [low, high]" in USDT.
 */
final class ScorecardCompact {

    private ScorecardCompact() {
    }

    static ObjectNode of(AttributionReport report) {
        ObjectNode o = Json.object();
        o.put("window", report.window());
        o.put("summary", report.trackRecord());
        o.put("key", "per change: [from>to, time, strategy, execution, vs baseline]; verdict, USDT difference"
                + " [95% interval], trades book/other");
        ArrayNode changes = o.putArray("changes");
        for (ChangeEffect c : report.changes()) {
            ArrayNode a = changes.addArray();
            a.add("v" + c.fromVersion() + ">v" + c.toVersion() + (c.by().equals(ChangeEffect.OPERATOR) ? " operator" : "")
                    + (c.open() ? "" : " final"));
            a.add(Instant.ofEpochMilli(c.at()).truncatedTo(ChronoUnit.MINUTES).toString());
            a.add(terse(c.strategyEffect()));
            a.add(terse(c.executionEffect()));
            a.add(terse(c.vsBaseline()));
        }
        return o;
    }

    /** "helped +12.3 [+2.1,+20] 24/22", or "insufficient 4/3". */
    static String terse(Effect e) {
        if (e == null) {
            return "n/a";
        }
        String trades = e.bookFigures().trades() + "/" + e.other().trades();
        if (!e.sufficient()) {
            return Effect.INSUFFICIENT + " " + trades;
        }
        String verdict = e.verdict().equals(Effect.NO_CLEAR_DIFFERENCE) ? "unclear" : e.verdict();
        return verdict + " " + n(e.netPnlDiff()) + " [" + n(e.ciLow()) + "," + n(e.ciHigh()) + "] " + trades;
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%+.0f" : "%+.1f", v);
    }
}
