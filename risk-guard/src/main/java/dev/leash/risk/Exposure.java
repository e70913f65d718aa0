package dev.leash.risk;

/**
 * What the pre-trade check reads about the account: equity, start-of-day equity, and per symbol index the signed
 * position quantity, last trade price and the reference price the price band is measured from. Implemented by the
 * engine over its own primitive state.
 */
public interface Exposure {

    double equity();

    double startOfDayEquity();

    int symbolCount();

    /** Signed position quantity in base units: positive long, negative short. */
    double position(int symbol);

    double lastPrice(int symbol);

    /**
     * The price an order's price must lie near (the price band): a reference independent of the tick that triggered
     * the order, such as the venue's mark price or a median of recent trades. By default the last trade price, for
     * accounts whose last price is not set by the order being checked.
     */
    default double referencePrice(int symbol) {
        return lastPrice(symbol);
    }
}
