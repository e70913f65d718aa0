package dev.leash.backtest;

/** The simulated fill model of backtests and shadow books, in one sentence for reports. */
public final class FillModel {

    /** How orders fill in a backtest. */
    public static final String DESCRIPTION = "market orders (entries, exits, stops) are sent at a tick-path point"
            + " (open, the extreme nearer the open, the other extreme, close: 4 points per 5-minute bar) and wait"
            + " open for the next point, never filling at the one that sent them: an entry fills at the next"
            + " point's price, an exit at that price or the level that sent it, whichever is worse; plus 1 bp"
            + " slippage and 0.5 bp per 100k USDT notional, never better than the price by rounding to the tick,"
            + " taker fee 0.055 %; a take-profit is sent at its level, so a bar that runs past it fills at the level"
            + " less slippage, never better than the level, never at the extreme; a stop is a market order sent at"
            + " the first point past the stop that the price band accepts (a gap is confirmed by the median of"
            + " recent prices first), so across a gap it fills worse than the stop, never at it; an order still"
            + " waiting when the bars end is cancelled and reported; funding every 8 h";

    private FillModel() {
    }
}
