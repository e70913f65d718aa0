package dev.leash.backtest;

/**
 * Performance of one backtest. Amounts are USDT, percentages percent.
 *
 * @param totalReturnPct final equity over the initial balance, less one
 * @param maxDrawdownPct largest fall of the equity curve from its running peak (the initial balance included)
 * @param sharpe mean over sample standard deviation of per-bar returns, annualized by {@code sqrt(288 * 365)};
 *               0 when fewer than two bars or no variation
 * @param trades closed round trips (see {@link #winRatePct})
 * @param winRatePct closed trades with a positive P&L net of fees, over all closed trades; 0 without trades
 * @param profitFactor gross profit over gross loss of closed trades net of fees; 0 without a winning trade,
 *                     {@code +Infinity} when trades won and none lost
 * @param feesPaid trading fees paid
 * @param fundingPaid funding paid (negative when received)
 * @param realizedPnl realized P&L of all fills before fees
 * @param unrealizedPnl P&L of the positions still open at the end, at the last price
 * @param barsProcessed bars after the warm-up, one equity point each
 */
public record BacktestMetrics(double initialBalance, double finalEquity, double totalReturnPct,
                              double maxDrawdownPct, double sharpe, int trades, double winRatePct,
                              double profitFactor, double feesPaid, double fundingPaid, double realizedPnl,
                              double unrealizedPnl, int barsProcessed) {

    /** 5-minute bars in a year. */
    public static final double BARS_PER_YEAR = 288.0 * 365.0;

    /** Least history for an annualized Sharpe ratio: 7 days of 5-minute bars. */
    public static final int MIN_SHARPE_BARS = 7 * 288;

    /** Why {@link #sharpe} must not be shown, or null when the window is long enough to annualize it. */
    public String sharpeUnavailableReason() {
        if (barsProcessed >= MIN_SHARPE_BARS) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "needs at least 7 days of data to annualize; this window has"
                + " %.1f days", barsProcessed / 288.0);
    }

    /** Computes the metrics of an equity curve and the P&L of its closed trades. */
    public static BacktestMetrics compute(EquityCurve curve, double[] tradePnls, double feesPaid,
                                          double fundingPaid, double realizedPnl, double unrealizedPnl) {
        return compute(curve, CurveStats.of(curve), tradePnls, feesPaid, fundingPaid, realizedPnl, unrealizedPnl);
    }

    /** The same, with the stats of {@code curve} gathered as it was drawn (one pass over it less). */
    static BacktestMetrics compute(EquityCurve curve, CurveStats stats, double[] tradePnls, double feesPaid,
                                   double fundingPaid, double realizedPnl, double unrealizedPnl) {
        if (stats.count() != curve.size()) {
            stats = CurveStats.of(curve); // not this curve's points after all: gather them again
        }
        double initial = curve.initial();
        double finalEquity = curve.last();
        double maxDd = stats.maxDrawdownPct(curve);
        int wins = 0;
        double grossProfit = 0;
        double grossLoss = 0;
        for (double p : tradePnls) {
            if (p > 0) {
                wins++;
                grossProfit += p;
            } else {
                grossLoss -= p;
            }
        }
        int n = tradePnls.length;
        double winRate = n == 0 ? 0.0 : 100.0 * wins / n;
        double profitFactor = grossLoss > 0 ? grossProfit / grossLoss
                : grossProfit > 0 ? Double.POSITIVE_INFINITY : 0.0;
        return new BacktestMetrics(initial, finalEquity, (finalEquity / initial - 1.0) * 100.0, maxDd,
                sharpe(curve, stats.returnSum()), n, winRate, profitFactor, feesPaid, fundingPaid, realizedPnl,
                unrealizedPnl, curve.size());
    }

    /** Annualized Sharpe ratio of per-bar returns (risk-free rate 0). */
    static double sharpe(EquityCurve curve) {
        return sharpe(curve, CurveStats.of(curve).returnSum());
    }

    /** The same, given the sum of the bar returns in curve order: only the pass for the deviation is left. */
    private static double sharpe(EquityCurve curve, double returnSum) {
        int n = curve.size();
        if (n < 2) {
            return 0.0;
        }
        double mean = returnSum / n;
        double ss = 0;
        double prev = curve.initial();
        for (int i = 0; i < n; i++) {
            double e = curve.equity(i);
            double x = barReturn(prev, e);
            ss += (x - mean) * (x - mean);
            prev = e;
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd > 0 ? mean / sd * Math.sqrt(BARS_PER_YEAR) : 0.0;
    }

    /** The return of a bar ending at {@code equity} over the equity before it; computed twice, never stored. */
    static double barReturn(double prev, double equity) {
        return prev != 0 ? equity / prev - 1.0 : 0.0;
    }
}
