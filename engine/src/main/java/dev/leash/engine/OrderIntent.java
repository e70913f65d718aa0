package dev.leash.engine;

/**
 * An order the engine wants sent, after it passed the pre-trade check.
 *
 * @param clientOrderId deterministic: the symbol, the bar and the action's sequence within the bar
 * @param signedQty positive buys, negative sells, already rounded to the lot step
 * @param referencePrice the level that triggered it: the tick price, a take-profit's level, a flatten's last trade
 */
public record OrderIntent(long time, String clientOrderId, String symbol, double signedQty, double referencePrice,
                          boolean reduceOnly, Action action, long paramsVersion) {

    /** How every client order id this gateway makes begins; orders without it were placed by someone else. */
    public static final String CLIENT_ORDER_ID_PREFIX = "lsh-";

    /** True when {@code clientOrderId} is one this gateway makes (see {@link #clientOrderId(String, long, int)}). */
    public static boolean isOwn(String clientOrderId) {
        return clientOrderId != null && clientOrderId.startsWith(CLIENT_ORDER_ID_PREFIX);
    }

    /**
     * The deterministic client order id of the {@code seq}-th order of {@code symbol} in 5-minute bar {@code bar}
     * (epoch bar index): the same decision after a restart gets the same id, so the venue refuses a duplicate.
     */
    public static String clientOrderId(String symbol, long bar, int seq) {
        return CLIENT_ORDER_ID_PREFIX + symbol + "-" + bar + "-" + seq;
    }
}
