package dev.leash.venue;

/** One execution. {@code fee} is positive when paid; {@code realizedPnl} excludes the fee. Times in epoch ms. */
public record Fill(String fillId, String clientOrderId, String venueOrderId, String symbol, Side side, double qty,
                   double price, double fee, double realizedPnl, long time, boolean maker) {
}
