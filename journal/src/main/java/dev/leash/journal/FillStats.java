package dev.leash.journal;

/**
 * Fills credited to one parameter version, the one that opened their positions: how many, how many closed something,
 * realized P&L and fees.
 */
public record FillStats(long fills, long closingFills, double realizedPnl, double fees) {

    public static final FillStats EMPTY = new FillStats(0, 0, 0, 0);
}
