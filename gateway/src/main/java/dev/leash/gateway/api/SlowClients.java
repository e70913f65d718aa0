package dev.leash.gateway.api;

import org.eclipse.jetty.server.HttpConfiguration;

/**
 * A bound on clients that send slowly, so a few hundred connections dribbling a body cannot hold every request
 * thread: a body must arrive at {@value #MIN_BODY_BYTES_PER_SECOND} bytes a second or better (else 408). A body that
 * stops altogether is ended by Jetty's idle timeout.
 */
final class SlowClients {

    static final long MIN_BODY_BYTES_PER_SECOND = 1024;

    private SlowClients() {
    }

    /**
     * Jetty 12.1 deprecates the per-request rate for its {@code MinimumDataRateHandler}, which measures the bytes of
     * every request the handler ever read against one request's time: after some traffic it lets a dribbler through
     * ({@code SlowClientsTest} sends traffic first to catch that). Until Jetty offers a per-request replacement, this
     * one it is.
     */
    @SuppressWarnings("removal")
    static void limit(HttpConfiguration http) {
        http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
    }
}
