package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.backtest.BacktestComparison;
import dev.leash.backtest.BacktestMetrics;
import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.BacktestWindow;
import dev.leash.backtest.ZeroTrades;

/** The JSON of a backtest answer: the window traded, one run's figures, the difference of two runs. */
final class BacktestJson {

    private BacktestJson() {
    }

    /** The window actually traded, against {@code requestedDays}; a {@code shortfall} sentence when shorter. */
    static ObjectNode window(BacktestWindow w, int requestedDays) {
        ObjectNode n = Json.object();
        if (requestedDays > 0) {
            n.put("requested_days", requestedDays);
        }
        Json.num(n, "used_days", w.days());
        n.put("start", Json.time(w.start()));
        n.put("end", Json.time(w.end()));
        n.put("bars_per_symbol", w.barsPerSymbol());
        n.put("warmup_bars_dropped", w.warmupBars());
        if (requestedDays > 0 && w.shorterThan(requestedDays)) {
            n.put("shortfall", w.describe(requestedDays));
        }
        return n;
    }

    /**
     * One run's figures; they agree: {@code final_equity - initial_equity = equity_change = net_pnl + funding +
     * unrealized_pnl}, and {@code return_pct} is that change over {@code initial_equity}.
     */
    static ObjectNode metrics(BacktestResult r, BacktestWindow w, long version) {
        BacktestMetrics m = r.metrics();
        ObjectNode n = Json.object();
        if (version > 0) {
            n.put("params_version", version);
        }
        Json.num(n, "initial_equity", m.initialBalance());
        Json.num(n, "final_equity", m.finalEquity());
        PnlJson.equity(n, m.initialBalance(), m.finalEquity());
        Json.num(n, "max_drawdown_pct", m.maxDrawdownPct());
        String noSharpe = m.sharpeUnavailableReason();
        if (noSharpe == null) {
            Json.num(n, "sharpe", m.sharpe());
        } else {
            n.put("sharpe_unavailable", noSharpe);
        }
        n.put("trades", m.trades());
        Json.num(n, "win_rate_pct", m.winRatePct());
        Json.num(n, "profit_factor", m.profitFactor());
        PnlJson.trades(n, m.realizedPnl(), m.feesPaid(), m.fundingPaid());
        Json.num(n, "unrealized_pnl", m.unrealizedPnl());
        n.put("bars", m.barsProcessed());
        if (!r.cancelledAtEnd().isEmpty()) { // sent at the last step, no next price to fill them
            n.put("orders_cancelled_at_end", r.cancelledAtEnd().size());
        }
        String zero = ZeroTrades.reason(r, w);
        if (zero != null) {
            n.put("zero_trades_reason", zero);
        }
        return n;
    }

    /** Candidate less current, in percentage points. */
    static ObjectNode difference(BacktestResult current, BacktestResult candidate) {
        BacktestComparison c = new BacktestComparison(current, candidate);
        ObjectNode n = Json.object();
        Json.num(n, "return_pct", c.returnDifferencePct());
        Json.num(n, "max_drawdown_pct", c.drawdownDifferencePct());
        n.put("trades", candidate.metrics().trades() - current.metrics().trades());
        return n;
    }
}
