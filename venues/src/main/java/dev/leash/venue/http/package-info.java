/**
 * Shared infrastructure of the HTTP venue adapters: a signed-request client on OkHttp with the venue's rate
 * limits, read retries, a circuit breaker whose state is observable ({@link dev.leash.venue.http.VenueHealth}),
 * an IP-ban window, and cached slow reads.
 *
 * <p>Threading: every class here is thread-safe. Writes are never retried here; adapters resolve writes whose
 * outcome is unknown by querying the venue with the client order id.
 */
package dev.leash.venue.http;
