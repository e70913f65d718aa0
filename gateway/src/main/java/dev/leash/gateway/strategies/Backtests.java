package dev.leash.gateway.strategies;

import dev.leash.backtest.BacktestMetrics;
import dev.leash.risk.Params;

/** Runs the live params and a candidate over the same out-of-sample bars. */
public interface Backtests {

    /**
     * Both runs on the test window of a walk-forward split.
     *
     * @param unavailable why no comparison could be run (too little history); the metrics are null then
     */
    record Comparison(BacktestMetrics live, BacktestMetrics candidate, long from, long to, String unavailable) {

        static Comparison unavailable(String why) {
            return new Comparison(null, null, 0, 0, why);
        }
    }

    Comparison compare(Params live, Params candidate);
}
