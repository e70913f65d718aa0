package dev.leash.venue;

/**
 * A market whose time its caller drives (the simulated venue): the inner loop moves it to each step's trading time
 * before reading prices. A live venue's market moves by itself and has {@link #NONE}.
 */
@FunctionalInterface
public interface MarketTime {

    /** A market that moves by itself. */
    MarketTime NONE = time -> { };

    /** Moves the market forward to {@code time}: prices, then funding due since the last move. */
    void advanceTo(long time);
}
