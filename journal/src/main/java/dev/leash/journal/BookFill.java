package dev.leash.journal;

/**
 * A fill of one book (the live book, or a shadow run), with the book's signed position in the symbol after it.
 * {@code fee} is positive when paid; {@code realizedPnl} excludes the fee; {@code runId} is 0 for the live book.
 */
public record BookFill(long runId, long paramsVersion, long time, String symbol, double signedQty, double price,
                       double fee, double realizedPnl, double positionAfter) {
}
