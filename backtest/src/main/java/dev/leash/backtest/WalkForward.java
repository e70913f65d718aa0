package dev.leash.backtest;

/**
 * A walk-forward split of some bars: an earlier fit window and a later, disjoint test window, each with its own
 * warm-up, so that a candidate chosen on the fit window can be judged on bars it was not chosen on.
 *
 * <p>The test window's warm-up is the last bars of the fit window: indicators only, nothing traded twice.
 */
public record WalkForward(Bars fit, Bars test, int warmupBars) {

    /** Share of the traded bars in the fit window; the rest, the latest bars, is the test window. */
    public static final double FIT_SHARE = 2.0 / 3.0;

    /** Splits {@code bars} after {@code warmupBars} of warm-up; null when fewer than two bars would be traded. */
    public static WalkForward split(Bars bars, int warmupBars) {
        int warmup = Math.min(warmupBars, bars.size());
        int traded = bars.size() - warmup;
        if (traded < 2) {
            return null;
        }
        int fitBars = Math.max(1, Math.min(traded - 1, (int) Math.round(traded * FIT_SHARE)));
        int split = warmup + fitBars;
        return new WalkForward(bars.range(0, split), bars.range(split - warmup, bars.size()), warmup);
    }

    public BacktestWindow fitWindow() {
        return BacktestWindow.of(fit, warmupBars);
    }

    public BacktestWindow testWindow() {
        return BacktestWindow.of(test, warmupBars);
    }
}
