package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.Side;

/**
 * An order as the journal knows it. {@code qty} is unsigned, {@code price} is the reference price the order was
 * sent at (NaN if unknown); {@code status} is usually an {@link OrderStatus} name; times are epoch milliseconds.
 */
public record OrderRecord(String clientOrderId, String venueOrderId, String symbol, Side side, double qty,
                          double price, double filledQty, String status, boolean reduceOnly, Action action,
                          long paramsVersion, long createdAt, long updatedAt, String rejectReason) {

    /** True unless the status is a terminal {@link OrderStatus} (FILLED, CANCELLED, REJECTED). */
    public boolean open() {
        for (OrderStatus s : OrderStatus.values()) {
            if (!s.open() && s.name().equals(status)) {
                return false;
            }
        }
        return true;
    }
}
