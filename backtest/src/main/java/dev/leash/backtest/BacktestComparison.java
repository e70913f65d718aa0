package dev.leash.backtest;

/** Two parameter sets run over the same bars, for deciding whether to apply the candidate. */
public record BacktestComparison(BacktestResult current, BacktestResult candidate) {

    /** Candidate's total return less the current one's, percentage points. */
    public double returnDifferencePct() {
        return candidate.metrics().totalReturnPct() - current.metrics().totalReturnPct();
    }

    /** Candidate's maximum drawdown less the current one's, percentage points (positive: deeper). */
    public double drawdownDifferencePct() {
        return candidate.metrics().maxDrawdownPct() - current.metrics().maxDrawdownPct();
    }
}
