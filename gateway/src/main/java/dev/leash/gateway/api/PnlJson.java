package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.journal.EquityPoint;

import java.util.List;

/**
 * The P&L fields of every endpoint, in one sign convention: each amount is its effect on the account's equity in
 * USDT, positive when it added to it (the gateway README's "P&L fields" says it in words).
 */
final class PnlJson {

    /** Why {@code /api/params/history} credits a version with a trade. */
    static final String ATTRIBUTION = "realized_pnl, fees, fills and closed_trades count the trades each version"
            + " opened, wherever they closed; equity_change, return_pct and max_drawdown_pct are the account's over"
            + " the time the version was in force";

    private PnlJson() {
    }

    /**
     * {@code realized_pnl} (price P&L of closed positions, before costs), {@code fees} and, when known,
     * {@code funding} (costs: negative when paid), and {@code net_pnl} = realized_pnl + fees; funding shows in
     * {@code equity_change} only, everywhere, since the journal does not see it.
     *
     * @param feesPaid trading fees, positive when paid
     * @param fundingPaid funding, positive when paid; NaN when unknown
     */
    static void trades(ObjectNode o, double realizedPnl, double feesPaid, double fundingPaid) {
        Json.num(o, "realized_pnl", realizedPnl);
        Json.num(o, "fees", 0.0 - feesPaid);
        if (!Double.isNaN(fundingPaid)) {
            Json.num(o, "funding", 0.0 - fundingPaid);
        }
        Json.num(o, "net_pnl", realizedPnl - feesPaid);
    }

    /**
     * {@code equity_change} (last less first equity: realized and unrealized P&L, fees, funding, and any transfer)
     * and {@code return_pct}, the same change in percent of the first equity.
     */
    static void equity(ObjectNode o, double first, double last) {
        Json.num(o, "equity_change", last - first);
        Json.num(o, "return_pct", first > 0 ? (last / first - 1) * 100 : Double.NaN);
    }

    /** {@link #equity(ObjectNode, double, double)} over a curve; NaN both with fewer than two points. */
    static void equity(ObjectNode o, List<EquityPoint> curve) {
        if (curve.size() < 2) {
            equity(o, Double.NaN, Double.NaN);
        } else {
            equity(o, curve.get(0).equity(), curve.get(curve.size() - 1).equity());
        }
    }
}
