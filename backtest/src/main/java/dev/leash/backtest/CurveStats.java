package dev.leash.backtest;

/**
 * What the metrics need from one pass over an equity curve, fed point by point in order (by a backtest as it draws
 * the curve, or from a finished curve): the largest drawdown and the sum of the bar returns. A drawdown only grows
 * as equity falls under the same peak (each rounded step is monotonic), so only each peak's lowest point is
 * divided; the values are bit for bit those of the definitions ({@link EquityCurve#drawdownPct}, the returns of
 * {@link BacktestMetrics#sharpe}).
 */
final class CurveStats {

    private final double initial;
    private int count;
    private double prev;
    private double returnSum;
    private double peak;
    private double trough;
    private double maxDrawdown;
    private boolean nan;

    CurveStats(double initial) {
        this.initial = initial;
        this.prev = initial;
        this.peak = initial;
    }

    /** The stats of a finished curve. */
    static CurveStats of(EquityCurve curve) {
        CurveStats s = new CurveStats(curve.initial());
        for (int i = 0; i < curve.size(); i++) {
            s.add(curve.equity(i));
        }
        return s;
    }

    /** Adds the next equity point. */
    void add(double e) {
        returnSum += BacktestMetrics.barReturn(prev, e);
        prev = e;
        if (e > peak) {
            if (count > 0) {
                maxDrawdown = Math.max(maxDrawdown, drawdownPct(peak, trough));
            }
            peak = e;
            trough = e;
        } else if (count == 0 || !(e >= trough)) {
            nan |= e != e; // a NaN point ends every peak: only the plain definition says what follows
            trough = e;
        }
        count++;
    }

    int count() {
        return count;
    }

    double returnSum() {
        return returnSum;
    }

    /** The largest drawdown of {@code curve}, the curve these points were; 0 for an empty one. */
    double maxDrawdownPct(EquityCurve curve) {
        if (nan) {
            return curve.maxDrawdownPctAtEveryPoint();
        }
        return count > 0 ? Math.max(maxDrawdown, drawdownPct(peak, trough)) : maxDrawdown;
    }

    static double drawdownPct(double peak, double equity) {
        return peak > 0 ? (peak - equity) / peak * 100.0 : 0.0;
    }

    @Override
    public String toString() {
        return "CurveStats[" + count + " points from " + initial + "]";
    }
}
