package dev.leash.gateway.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.shadow.BookFigures;
import dev.leash.gateway.shadow.CandidateView;

import java.util.List;

/** The JSON details journaled with each stage: reasons, backtest figures, shadow figures. */
final class StageDetails {

    private StageDetails() {
    }

    static ObjectNode reasons(List<String> why) {
        ObjectNode o = StrategyRecord.MAPPER.createObjectNode();
        ArrayNode a = o.putArray("reasons");
        why.forEach(a::add);
        return o;
    }

    static ObjectNode backtestFigures(Backtests.Comparison c) {
        ObjectNode o = StrategyRecord.MAPPER.createObjectNode();
        o.put("window", "walk-forward test window " + java.time.Instant.ofEpochMilli(c.from()) + " .. "
                + java.time.Instant.ofEpochMilli(c.to()));
        for (String side : List.of("live", "candidate")) {
            var m = side.equals("live") ? c.live() : c.candidate();
            ObjectNode f = o.putObject(side);
            f.put("return_pct", round(m.totalReturnPct()));
            f.put("max_drawdown_pct", round(m.maxDrawdownPct()));
            f.put("trades", m.trades());
            f.put("win_rate_pct", round(m.winRatePct()));
        }
        return o;
    }

    static JsonNode shadowFigures(CandidateView v) {
        if (v == null || v.shadow() == null) {
            return StrategyRecord.MAPPER.nullNode();
        }
        ObjectNode o = StrategyRecord.MAPPER.createObjectNode();
        o.set("candidate", book(v.shadow()));
        if (v.live() != null) {
            o.set("live", book(v.live()));
        }
        return o;
    }

    private static ObjectNode book(BookFigures f) {
        ObjectNode o = StrategyRecord.MAPPER.createObjectNode();
        o.put("since", java.time.Instant.ofEpochMilli(f.since()).toString());
        o.put("return_pct", round(f.returnPct()));
        o.put("max_drawdown_pct", round(f.maxDrawdownPct()));
        o.put("risk_adjusted_return", round(ShadowGate.riskAdjusted(f)));
        o.put("trades", f.trades());
        return o;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : 0.0;
    }
}
