package dev.leash.gateway.engine;

/**
 * An order the engine wants sent, after it passed the pre-trade check.
 *
 * @param clientOrderId deterministic: the symbol, the bar and the action's sequence within the bar
 * @param signedQty positive buys, negative sells, already rounded to the lot step
 * @param referencePrice the tick price that triggered it
 */
public record OrderIntent(long time, String clientOrderId, String symbol, double signedQty, double referencePrice,
                          boolean reduceOnly, Action action, long paramsVersion) {

    /**
     * The deterministic client order id of the {@code seq}-th order of {@code symbol} in 5-minute bar {@code bar}
     * (epoch bar index): the same decision after a restart gets the same id, so the venue refuses a duplicate.
     */
    public static String clientOrderId(String symbol, long bar, int seq) {
        return "lsh-" + symbol + "-" + bar + "-" + seq;
    }
}
