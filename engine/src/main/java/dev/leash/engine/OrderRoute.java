package dev.leash.engine;

/** Where the {@link EngineDriver} sends the engine's orders: a venue or a simulated exchange. */
public interface OrderRoute {

    /** Places {@code intent} at trading time {@code t}; the fills it produced at once go to {@code fills}. */
    OrderOutcome place(OrderIntent intent, long t, FillSink fills);

    /**
     * The same order in primitives, named {@link OrderIntent#clientOrderId(String, long, int)}. Routes that want no
     * allocation on the order path override this; the default builds the intent.
     */
    default OrderOutcome place(long time, String symbol, long bar, int seq, double signedQty, double referencePrice,
                               boolean reduceOnly, Action action, long paramsVersion, long t, FillSink fills) {
        return place(new OrderIntent(time, OrderIntent.clientOrderId(symbol, bar, seq), symbol, signedQty,
                referencePrice, reduceOnly, action, paramsVersion), t, fills);
    }
}
