package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.journal.EquityPoint;
import dev.leash.gateway.journal.FillStats;
import dev.leash.gateway.journal.Journal;
import dev.leash.gateway.journal.ParamsActivation;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What happened while a parameter version was in force: its trades (fills journaled under that version), their
 * P&L and fees, and the account's return and drawdown between its activation and the next one (trading time).
 */
record VersionStats(long version, long activeFrom, long activeTo, FillStats fills, double returnPct,
                    double maxDrawdownPct) {

    static List<VersionStats> compute(Journal journal, List<Params> history, long now) {
        List<ParamsActivation> acts = journal.paramsActivations();
        Map<Long, FillStats> byVersion = journal.fillStatsByVersion();
        List<VersionStats> out = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            ParamsActivation a = acts.get(i);
            long to = i + 1 < acts.size() ? acts.get(i + 1).tradingTime() : now;
            List<EquityPoint> curve = journal.equityCurve(a.tradingTime(), to, 2_000);
            out.add(new VersionStats(a.version(), a.tradingTime(), to,
                    byVersion.getOrDefault(a.version(), FillStats.EMPTY), Performance.returnPct(curve),
                    Performance.maxDrawdownPct(curve)));
        }
        // A version may have been active several times (rollback): keep the latest activation per version.
        java.util.Map<Long, VersionStats> latest = new java.util.LinkedHashMap<>();
        for (VersionStats s : out) {
            latest.put(s.version(), s);
        }
        return new ArrayList<>(latest.values());
    }

    ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("active_from", Json.time(activeFrom));
        o.put("active_to", Json.time(activeTo));
        o.put("fills", fills.fills());
        o.put("closed_trades", fills.closingFills());
        Json.num(o, "realized_pnl", fills.realizedPnl());
        Json.num(o, "fees", fills.fees());
        Json.num(o, "net_pnl", fills.realizedPnl() - fills.fees());
        Json.num(o, "return_pct", returnPct);
        Json.num(o, "max_drawdown_pct", maxDrawdownPct);
        return o;
    }
}
