package dev.leash.venue.http;

import java.util.Map;

/**
 * Signs one request attempt: returns the authentication headers for exactly the bytes that will be sent. Called
 * again for every attempt, so each carries a fresh timestamp.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * @param encodedQuery the query string exactly as it goes on the wire, without {@code ?}; empty when none
     * @param body the exact request body, empty for GET
     */
    Map<String, String> headers(String method, String path, String encodedQuery, String body);

    /** For public endpoints. */
    RequestSigner NONE = (method, path, query, body) -> Map.of();
}
