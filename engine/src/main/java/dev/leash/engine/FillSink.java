package dev.leash.engine;

/** Takes what the market did with the engine's orders: fills, and the end of an order. */
public interface FillSink {

    /** A fill of {@code signedQty} (positive bought) at {@code price}. */
    void filled(int sym, double signedQty, double price);

    /** The order reached a final status at the venue (filled, cancelled, rejected). */
    void orderDone(int sym, String clientOrderId);
}
