package dev.leash.backtest;

/** The simulated fill model of backtests and shadow books, in one sentence for reports. */
public final class FillModel {

    /** How orders fill in a backtest. */
    public static final String DESCRIPTION = "market orders fill at the tick-path price of the step that sent"
            + " them (open, the extreme nearer the open, the other extreme, close: 4 points per 5-minute bar) plus"
            + " 1 bp slippage and 0.5 bp per 100k USDT notional, never better than the level that sent them nor"
            + " than the price by rounding to the tick, taker fee 0.055 %; a take-profit is sent at its level, so a"
            + " bar that runs past it fills at the level less slippage, never better than the level, never at the"
            + " extreme; a stop is a market order sent"
            + " at the first point past the stop that the price band accepts (a gap is confirmed by the median of"
            + " recent prices first), so across a gap it fills worse than the stop, never at it; funding every 8 h";

    private FillModel() {
    }
}
