package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.journal.EquityPoint;
import dev.leash.journal.FillStats;
import dev.leash.journal.Journal;
import dev.leash.journal.ParamsActivation;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a parameter version did: the trades it opened (fills credited to it, wherever they closed: see
 * {@link PnlJson#ATTRIBUTION}), their P&L and fees, and the account's equity change and drawdown between its
 * activation and the next one (trading time).
 *
 * @param firstEquity the account's equity at the first point of the window; NaN without two points
 * @param lastEquity likewise at the last point
 */
record VersionStats(long version, long activeFrom, long activeTo, FillStats fills, double firstEquity,
                    double lastEquity, double maxDrawdownPct) {

    static List<VersionStats> compute(Journal journal, List<Params> history, long now) {
        List<ParamsActivation> acts = journal.paramsActivations();
        Map<Long, FillStats> byVersion = journal.fillStatsByVersion();
        List<VersionStats> out = new ArrayList<>();
        for (int i = 0; i < acts.size(); i++) {
            ParamsActivation a = acts.get(i);
            long to = i + 1 < acts.size() ? acts.get(i + 1).tradingTime() : now;
            List<EquityPoint> curve = journal.equityCurve(a.tradingTime(), to, 2_000);
            boolean two = curve.size() >= 2;
            out.add(new VersionStats(a.version(), a.tradingTime(), to,
                    byVersion.getOrDefault(a.version(), FillStats.EMPTY),
                    two ? curve.get(0).equity() : Double.NaN, two ? curve.get(curve.size() - 1).equity() : Double.NaN,
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
        PnlJson.trades(o, fills.realizedPnl(), fills.fees(), Double.NaN);
        PnlJson.equity(o, firstEquity, lastEquity);
        Json.num(o, "max_drawdown_pct", maxDrawdownPct);
        return o;
    }
}
