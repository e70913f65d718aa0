package dev.leash.backtest;

import dev.leash.venue.Candle;

import java.util.Arrays;

/**
 * Account equity (USDT, unrealized P&L included) at the close of every processed bar, oldest first, after the
 * bar's last tick; the starting balance comes before the first point.
 */
public final class EquityCurve {

    private final double initial;
    /** The close times, or null when they are read from {@link #bars}. */
    private final long[] time;
    /** The bars whose close times these are, from bar {@link #firstBar}, when {@link #time} is null. */
    private final Bars bars;
    private final int firstBar;
    private final double[] equity;

    private EquityCurve(double initial, long[] time, double[] equity) {
        if (time.length != equity.length) {
            throw new IllegalArgumentException("times and equities of different lengths");
        }
        this.initial = initial;
        this.time = time;
        this.bars = null;
        this.firstBar = 0;
        this.equity = equity;
    }

    private EquityCurve(double initial, Bars bars, int firstBar, double[] equity) {
        if (firstBar + equity.length > bars.size()) {
            throw new IllegalArgumentException("more equities than bars");
        }
        this.initial = initial;
        this.time = null;
        this.bars = bars;
        this.firstBar = firstBar;
        this.equity = equity;
    }

    /** A curve over copies of the arrays: {@code time[i]} is the close time (epoch ms) of point {@code i}. */
    public static EquityCurve of(double initial, long[] time, double[] equity) {
        return new EquityCurve(initial, time.clone(), equity.clone());
    }

    public double initial() {
        return initial;
    }

    /**
     * Takes ownership of {@code equity}, the equity at the close of bars {@code firstBar, firstBar + 1, ...}; the
     * times are the bars' close times, read from {@code bars} (no copy per run).
     */
    static EquityCurve wrap(double initial, Bars bars, int firstBar, double[] equity) {
        return new EquityCurve(initial, bars, firstBar, equity);
    }

    public int size() {
        return equity.length;
    }

    public long time(int i) {
        if (time != null) {
            return time[i];
        }
        java.util.Objects.checkIndex(i, equity.length);
        return bars.openTime(firstBar + i) + Candle.INTERVAL_MILLIS;
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

    /**
     * The largest {@link #drawdownPct} value, 0 for an empty curve; computed without an array, dividing once per
     * peak (see {@link CurveStats}).
     */
    public double maxDrawdownPct() {
        return CurveStats.of(this).maxDrawdownPct(this);
    }

    /** {@link #maxDrawdownPct} by its definition: the drawdown at every point. */
    double maxDrawdownPctAtEveryPoint() {
        double max = 0;
        double peak = initial;
        for (int i = 0; i < equity.length; i++) {
            peak = Math.max(peak, equity[i]);
            max = Math.max(max, CurveStats.drawdownPct(peak, equity[i]));
        }
        return max;
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
                && sameTimes(c) && Arrays.equals(equity, c.equity);
    }

    private boolean sameTimes(EquityCurve c) {
        if (size() != c.size()) {
            return false;
        }
        for (int i = 0; i < size(); i++) {
            if (time(i) != c.time(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int times = 1; // Arrays.hashCode of the times
        for (int i = 0; i < size(); i++) {
            times = 31 * times + Long.hashCode(time(i));
        }
        return 31 * times + Arrays.hashCode(equity);
    }

    @Override
    public String toString() {
        return "EquityCurve[" + equity.length + " points, " + initial + " -> " + last() + "]";
    }
}
