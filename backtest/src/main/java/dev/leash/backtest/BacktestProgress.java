package dev.leash.backtest;

/** Told how far a backtest got; called on the backtest's thread every few thousand bars and once at the end. */
@FunctionalInterface
public interface BacktestProgress {

    void onProgress(long barsDone, long barsTotal);

    /** Ignores progress. */
    BacktestProgress NONE = (done, total) -> { };
}
