package dev.leash.venue;

/**
 * An order to place. {@code clientOrderId} is deterministic (derived from the decision that made it) so that a
 * retried or uncertain placement can be resolved by querying it; at most 36 characters of [A-Za-z0-9_-].
 * {@code price} is the limit price for LIMIT orders and the reference price for MARKET orders.
 */
public record OrderRequest(String clientOrderId, String symbol, Side side, OrderType type, double qty, double price,
                           boolean reduceOnly) {

    public OrderRequest {
        if (!isValidClientOrderId(clientOrderId)) {
            throw new IllegalArgumentException("client order id must be 1-36 of [A-Za-z0-9_-]: " + clientOrderId);
        }
        if (!(qty > 0) || !Double.isFinite(qty)) {
            throw new IllegalArgumentException("qty must be positive: " + qty);
        }
    }

    /** 1 to 36 characters of [A-Za-z0-9_-], checked without a regex (this runs for every order). */
    public static boolean isValidClientOrderId(String id) {
        if (id == null || id.isEmpty() || id.length() > 36) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
