package dev.leash.journal;

/**
 * Which parameter version a journaled fill is credited to.
 *
 * @param paramsVersion the version of the order that made the fill; for a closing fill, the closing version
 * @param openedByVersion the version that opened the position the fill adds to or closes: its realized P&L and fee
 *                        count for this version
 * @param closedQty how much of the fill closed a position; NaN for fills journaled before attribution existed
 * @param positionAfter the symbol's position after the fill, as the journal counts it; NaN likewise
 */
public record FillAttribution(String fillId, long paramsVersion, long openedByVersion, double closedQty,
                              double positionAfter) {
}
