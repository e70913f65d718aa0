/**
 * The Bybit V5 adapter for USDT perpetuals ({@code category=linear}): {@link dev.leash.venue.bybit.BybitVenue}
 * over REST and, optionally, {@link dev.leash.venue.bybit.BybitPublicStream} for pushed candles and tickers.
 *
 * <p>Invariants: every request is signed over exactly the bytes sent; an order placement is never re-sent unless a
 * lookup by its orderLinkId showed Bybit does not have it, and then only once with the same orderLinkId; the API
 * secret appears in no log line, exception message or {@code toString()}.
 */
package dev.leash.venue.bybit;
