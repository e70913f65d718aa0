package dev.leash.gateway.shadow;

/**
 * One book's results over a window, in the account currency: net P&L (equity now less equity at the start of the
 * window), return on the starting equity, worst drawdown from a peak, and round trips closed.
 */
public record BookFigures(long since, double startEquity, double equity, double netPnl, double returnPct,
                          double maxDrawdownPct, int trades) {
}
