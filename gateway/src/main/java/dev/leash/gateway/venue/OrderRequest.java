package dev.leash.gateway.venue;

/**
 * An order to place. {@code clientOrderId} is deterministic (derived from the decision that made it) so that a
 * retried or uncertain placement can be resolved by querying it; at most 36 characters of [A-Za-z0-9_-].
 * {@code price} is the limit price for LIMIT orders and the reference price for MARKET orders.
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, OrderType type, double qty, double price,
                           boolean reduceOnly) {

    public OrderRequest {
        if (clientOrderId == null || !clientOrderId.matches("[A-Za-z0-9_-]{1,36}")) {
            throw new IllegalArgumentException("client order id must be 1-36 of [A-Za-z0-9_-]: " + clientOrderId);
        }
        if (!(qty > 0) || !Double.isFinite(qty)) {
            throw new IllegalArgumentException("qty must be positive: " + qty);
        }
    }
}
