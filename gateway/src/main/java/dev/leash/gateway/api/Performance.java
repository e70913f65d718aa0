package dev.leash.gateway.api;

import dev.leash.gateway.journal.EquityPoint;
import dev.leash.gateway.venue.Fill;

import java.util.List;

/** Trading metrics over a window: realized P&L, fees, closed trades, win rate, profit factor, return, drawdown. */
record Performance(int fills, int closingFills, int wins, int losses, double realizedPnl, double fees, double grossProfit,
                   double grossLoss, double returnPct, double maxDrawdownPct) {

    static Performance of(List<Fill> fills, List<EquityPoint> curve) {
        int closing = 0;
        int wins = 0;
        int losses = 0;
        double realized = 0;
        double fees = 0;
        double profit = 0;
        double loss = 0;
        for (Fill f : fills) {
            fees += f.fee();
            if (Double.isNaN(f.realizedPnl())) {
                continue; // a close whose P&L the venue has not published yet: counted once it has
            }
            realized += f.realizedPnl();
            if (f.realizedPnl() != 0) {
                closing++;
                if (f.realizedPnl() > 0) {
                    wins++;
                    profit += f.realizedPnl();
                } else {
                    losses++;
                    loss -= f.realizedPnl();
                }
            }
        }
        return new Performance(fills.size(), closing, wins, losses, realized, fees, profit, loss, returnPct(curve),
                maxDrawdownPct(curve));
    }

    double winRate() {
        return closingFills == 0 ? Double.NaN : (double) wins / closingFills;
    }

    double profitFactor() {
        return grossLoss == 0 ? (grossProfit > 0 ? Double.POSITIVE_INFINITY : Double.NaN) : grossProfit / grossLoss;
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
