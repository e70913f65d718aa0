package dev.leash.gateway.api;

import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.handler.MinimumDataRateHandler;

/**
 * Bounds on clients that send slowly, so a few hundred connections dribbling a body cannot hold every request
 * thread: a body must arrive at {@value #MIN_BODY_BYTES_PER_SECOND} bytes a second or better, and a connection that
 * sends nothing for {@value #IDLE_MILLIS} ms is closed.
 */
final class SlowClients {

    static final long MIN_BODY_BYTES_PER_SECOND = 1024;
    static final long IDLE_MILLIS = 10_000;

    private SlowClients() {
    }

    static void limit(HttpConfiguration http) {
        http.setIdleTimeout(IDLE_MILLIS);
    }

    static void limit(ServletContextHandler context) {
        context.insertHandler(new MinimumDataRateHandler(MIN_BODY_BYTES_PER_SECOND, 0));
    }
}
