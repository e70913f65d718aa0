package dev.leash.venue;

/** Life-cycle of an order as the venue reports it. */
public enum OrderStatus {
    NEW, PARTIALLY_FILLED, FILLED, CANCELLED, REJECTED;

    public boolean open() {
        return this == NEW || this == PARTIALLY_FILLED;
    }
}
