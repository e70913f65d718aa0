package dev.leash.engine;

/**
 * Where the engine sends orders. The simulated exchange fills at its next price; a live venue acknowledges. Either
 * way the outcome comes back to the engine through {@code Engine.onFill} and {@code Engine.onOrderDone}, never as a
 * return value, so backtest and live share one path.
 */
public interface OrderPort {

    void send(OrderIntent intent);

    /**
     * The engine's call: the order in primitives, named {@link OrderIntent#clientOrderId(String, long, int)}.
     * Ports that want no allocation on the order path override this; the default builds the intent.
     */
    default void send(long time, String symbol, long bar, int seq, double signedQty, double referencePrice,
                      boolean reduceOnly, Action action, long paramsVersion) {
        send(new OrderIntent(time, OrderIntent.clientOrderId(symbol, bar, seq), symbol, signedQty, referencePrice,
                reduceOnly, action, paramsVersion));
    }
}
