package dev.leash.gateway.scorecard;

import java.util.List;

/**
 * One book's closed round trips over a window, from its fills: only round trips opened at or after the window's
 * start and closed by its end count (a position the book already held is not its decision in the window).
 *
 * @param netPnl         sum of the round trips' P&L: realized P&L less every fee of their fills, in the account
 *                       currency (funding and open positions not counted)
 * @param returnPct      {@code netPnl} on the starting equity, in percent
 * @param maxDrawdownPct worst fall from a peak of starting equity plus the cumulated round trips, in percent
 * @param tradePnls      each round trip's P&L, in the order they closed
 * @param entries        the round trips opened in the window, closed or not
 */
public record BookWindow(double startEquity, double netPnl, double returnPct, double maxDrawdownPct, int trades,
                         List<Double> tradePnls, List<Entry> entries) {

    /** A position opened from flat (or by a reversal): its symbol, direction (+1 long, -1 short) and time. */
    public record Entry(String symbol, int direction, long time) {
    }
}
