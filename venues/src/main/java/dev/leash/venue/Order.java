package dev.leash.venue;

/** An order as the venue knows it; {@code price} is the limit price, or NaN for market orders. */
public record Order(String clientOrderId, String venueOrderId, String symbol, Side side, OrderType type,
                    double qty, double price, double filledQty, OrderStatus status, boolean reduceOnly,
                    long createdAt) {
}
