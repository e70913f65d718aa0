package dev.leash.venue;

import java.util.List;

/**
 * A USDT-perpetuals venue: market data, account, and orders. Implementations: the simulated venue (default), and
 * the real adapters. Every call may block on I/O and throws {@link VenueException} on failure; none of them retries
 * an order placement blindly.
 */
public interface Venue extends AutoCloseable {

    /** Short name, e.g. {@code simulated}. */
    String name();

    /** The symbols this venue trades for the gateway. */
    List<String> symbols();

    List<Instrument> instruments() throws VenueException;

    /** Closed 5-minute candles with {@code openTime} in {@code [fromMillis, toMillis)}, oldest first. */
    List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException;

    Ticker ticker(String symbol) throws VenueException;

    /** The current funding rate and the time it will next be charged. */
    FundingRate funding(String symbol) throws VenueException;

    /** Funding charged in {@code [fromMillis, toMillis)}, oldest first. */
    List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException;

    Account account() throws VenueException;

    List<Position> positions() throws VenueException;

    List<Order> openOrders() throws VenueException;

    /** Fills with time in {@code [fromMillis, toMillis)}, oldest first. */
    List<Fill> fills(long fromMillis, long toMillis) throws VenueException;

    /** Places an order. A duplicate client order id is not an error: the result says {@code duplicate}. */
    PlaceResult place(OrderRequest request) throws VenueException;

    /** Cancels an open order by client order id; false when no such open order exists. */
    boolean cancel(String symbol, String clientOrderId) throws VenueException;

    /** The order with this client order id, open or not, or null when the venue never saw it. */
    Order order(String symbol, String clientOrderId) throws VenueException;

    @Override
    void close();
}
