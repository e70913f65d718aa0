/**
 * The LMEX futures adapter (BTSE-style REST API v2.3): {@link dev.leash.venue.lmex.LmexVenue}.
 *
 * <p>Invariants: every private request is signed over exactly the path and body sent (HMAC-SHA384); sizes are sent
 * in contracts, rounded down to the market's increment, and reported back in base units; an order placement is
 * never re-sent unless a lookup by its clOrderID showed LMEX does not have it, and then only once with the same
 * clOrderID; a cancel always names a clOrderID (a DELETE without one would cancel every order in the market); the
 * API secret appears in no log line, exception message or {@code toString()}.
 */
package dev.leash.venue.lmex;
