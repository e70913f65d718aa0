package dev.leash.gateway.api;

import dev.leash.backtest.TradeLedger;
import dev.leash.journal.EquityPoint;
import dev.leash.venue.Fill;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Trading metrics over a window: realized P&L, fees, closed trades, win rate, profit factor, return, drawdown.
 * Trades are cut and scored as in backtests ({@link TradeLedger}): a trade wins when its P&L net of its fees is
 * positive; a trade opened before the window counts only the fees inside it.
 *
 * @param pendingFills closes whose realized P&L the venue has not published yet: counted as 0 until it has
 */
record Performance(int fills, int closedTrades, int wins, int losses, double realizedPnl, double fees,
                   double grossProfit, double grossLoss, double returnPct, double maxDrawdownPct, int pendingFills) {

    static Performance of(List<Fill> fills, List<EquityPoint> curve) {
        return of(fills, Map.of(), curve);
    }

    /** {@code positionsBefore}: each symbol's position before the window's first fill (absent: flat). */
    static Performance of(List<Fill> fills, Map<String, Double> positionsBefore, List<EquityPoint> curve) {
        Map<String, Integer> index = new HashMap<>();
        for (Fill f : fills) {
            index.putIfAbsent(f.symbol(), index.size());
        }
        TradeLedger ledger = new TradeLedger(index.size());
        index.forEach((symbol, i) -> ledger.startFrom(i, positionsBefore.getOrDefault(symbol, 0.0)));
        double realized = 0;
        double fees = 0;
        int pending = 0;
        for (Fill f : fills) {
            fees += f.fee();
            double pnl = f.realizedPnl();
            if (Double.isNaN(pnl)) {
                pending++;
                pnl = 0;
            }
            realized += pnl;
            ledger.onFill(index.get(f.symbol()), f.side().sign(), f.qty(), f.fee(), pnl);
        }
        int wins = 0;
        double profit = 0;
        double loss = 0;
        double[] trades = ledger.pnls();
        for (double t : trades) {
            if (t > 0) {
                wins++;
                profit += t;
            } else {
                loss -= t;
            }
        }
        return new Performance(fills.size(), trades.length, wins, trades.length - wins, realized, fees, profit, loss,
                returnPct(curve), maxDrawdownPct(curve), pending);
    }

    double winRate() {
        return closedTrades == 0 ? Double.NaN : (double) wins / closedTrades;
    }

    /** As in backtests: gross profit over gross loss; 0 without a winning trade, infinite when none lost. */
    double profitFactor() {
        return grossLoss > 0 ? grossProfit / grossLoss : grossProfit > 0 ? Double.POSITIVE_INFINITY : 0.0;
    }

    static double returnPct(List<EquityPoint> curve) {
        if (curve.size() < 2 || !(curve.get(0).equity() > 0)) {
            return Double.NaN;
        }
        return (curve.get(curve.size() - 1).equity() / curve.get(0).equity() - 1) * 100;
    }

    static double maxDrawdownPct(List<EquityPoint> curve) {
        if (curve.isEmpty()) {
            return Double.NaN;
        }
        double peak = Double.NEGATIVE_INFINITY;
        double worst = 0;
        for (EquityPoint p : curve) {
            if (!Double.isFinite(p.equity())) {
                continue;
            }
            peak = Math.max(peak, p.equity());
            if (peak > 0) {
                worst = Math.max(worst, (peak - p.equity()) / peak * 100);
            }
        }
        return worst;
    }
}
