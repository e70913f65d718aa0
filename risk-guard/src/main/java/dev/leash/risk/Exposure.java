package dev.leash.risk;

/**
 * What the pre-trade check reads about the account: equity, start-of-day equity, and per symbol index the signed
 * position quantity and last trade price. Implemented by the engine over its own primitive state.
 */
public interface Exposure {

    double equity();

    double startOfDayEquity();

    int symbolCount();

    /** Signed position quantity in base units: positive long, negative short. */
    double position(int symbol);

    double lastPrice(int symbol);
}
