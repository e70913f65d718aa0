package dev.leash.backtest;

import java.util.Arrays;

/**
 * Account equity (USDT, unrealized P&L included) at the close of every processed bar, oldest first, after the
 * bar's last tick; the starting balance comes before the first point.
 */
public final class EquityCurve {

    private final double initial;
    private final long[] time;
    private final double[] equity;

    private EquityCurve(double initial, long[] time, double[] equity) {
        if (time.length != equity.length) {
            throw new IllegalArgumentException("times and equities of different lengths");
        }
        this.initial = initial;
        this.time = time;
        this.equity = equity;
    }

    /** A curve over copies of the arrays: {@code time[i]} is the close time (epoch ms) of point {@code i}. */
    public static EquityCurve of(double initial, long[] time, double[] equity) {
        return new EquityCurve(initial, time.clone(), equity.clone());
    }

    /** Takes ownership of the arrays (the backtester's own, filled once). */
    static EquityCurve wrap(double initial, long[] time, double[] equity) {
        return new EquityCurve(initial, time, equity);
    }

    public double initial() {
        return initial;
    }

    public int size() {
        return equity.length;
    }

    public long time(int i) {
        return time[i];
    }

    public double equity(int i) {
        return equity[i];
    }

    /** The last equity, or the initial balance when the curve is empty. */
    public double last() {
        return equity.length == 0 ? initial : equity[equity.length - 1];
    }

    /** A copy of the equities. */
    public double[] toArray() {
        return equity.clone();
    }

    /** Drawdown from the running peak at every point, percent (0 at a new high, positive below it). */
    public double[] drawdownPct() {
        double[] dd = new double[equity.length];
        double peak = initial;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            dd[i] = peak > 0 ? (peak - equity[i]) / peak * 100.0 : 0.0;
        }
        return dd;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EquityCurve c && Double.compare(initial, c.initial) == 0
                && Arrays.equals(time, c.time) && Arrays.equals(equity, c.equity);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(time) + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return "EquityCurve[" + equity.length + " points, " + initial + " -> " + last() + "]";
    }
}
