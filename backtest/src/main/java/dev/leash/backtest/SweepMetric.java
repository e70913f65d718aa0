package dev.leash.backtest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A metric a sweep's table is sorted by, best first. */
public enum SweepMetric {

    RETURN_PCT("return_pct", true, BacktestMetrics::totalReturnPct),
    SHARPE("sharpe", true, BacktestMetrics::sharpe),
    MAX_DRAWDOWN_PCT("max_drawdown_pct", false, BacktestMetrics::maxDrawdownPct),
    PROFIT_FACTOR("profit_factor", true, BacktestMetrics::profitFactor),
    WIN_RATE_PCT("win_rate_pct", true, BacktestMetrics::winRatePct);

    private final String wireName;
    private final boolean higherIsBetter;
    private final ToDoubleFunction<BacktestMetrics> read;

    SweepMetric(String wireName, boolean higherIsBetter, ToDoubleFunction<BacktestMetrics> read) {
        this.wireName = wireName;
        this.higherIsBetter = higherIsBetter;
        this.read = read;
    }

    public String wireName() {
        return wireName;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(BacktestMetrics m) {
        return read.applyAsDouble(m);
    }

    /** How the table is ordered, for its heading: {@code return_pct, highest first}. */
    public String ordering() {
        return wireName + ", " + (higherIsBetter ? "highest" : "lowest") + " first";
    }

    /** The metric with this name, or null. */
    public static SweepMetric byWireName(String name) {
        for (SweepMetric m : values()) {
            if (m.wireName.equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** All names, for messages. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (SweepMetric m : values()) {
            out.add(m.wireName);
        }
        return out;
    }
}
