package dev.leash.mcp.internal;

import java.time.Duration;

/**
 * What one HTTP client may hold of the server: how long a connection may stay silent, how long a request body may
 * take to arrive, how large it may be, and how many connections are open at once.
 *
 * @param idleTimeout    a connection that sends and receives nothing for this long is closed (bounds slow headers)
 * @param bodyTimeout    a request body not complete this long after its headers is answered 408
 * @param maxBodyBytes   a larger request body is answered 413
 * @param maxConnections past this many open connections, new ones wait in the accept queue
 */
record HttpLimits(Duration idleTimeout, Duration bodyTimeout, int maxBodyBytes, int maxConnections) {

    static final HttpLimits DEFAULTS = new HttpLimits(Duration.ofSeconds(30), Duration.ofSeconds(10), 512 * 1024,
            1024);

    HttpLimits {
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()
                || maxBodyBytes < 1 || maxConnections < 1) {
            throw new IllegalArgumentException("HTTP limits must be positive");
        }
    }
}
