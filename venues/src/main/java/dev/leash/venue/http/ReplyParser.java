package dev.leash.venue.http;

import dev.leash.venue.VenueException;

/**
 * Turns a 2xx answer into a value, or throws: an {@link HttpVenueException} whose kind says whether the venue's
 * error answer is transient (retried for reads, counted by the circuit breaker) or a refusal.
 */
@FunctionalInterface
public interface ReplyParser<T> {
    T parse(HttpReply reply) throws VenueException;
}
