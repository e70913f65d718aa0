package dev.leash.gateway.api;

import org.eclipse.jetty.server.HttpConfiguration;

/**
 * Bounds on clients that send slowly, so a few hundred connections dribbling a body cannot hold every request
 * thread: a body must arrive at {@value #MIN_BODY_BYTES_PER_SECOND} bytes a second or better (else 408), and a
 * connection that sends nothing for {@value #IDLE_MILLIS} ms is closed.
 */
final class SlowClients {

    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    static final long IDLE_MILLIS = 10_000;

    private SlowClients() {
    }

    static void limit(HttpConfiguration http) {
        http.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
        http.setIdleTimeout(IDLE_MILLIS);
    }
}
