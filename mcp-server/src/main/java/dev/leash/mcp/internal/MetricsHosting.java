package dev.leash.mcp.internal;

import io.javalin.Javalin;

import java.util.List;

/** {@code GET /metrics} alone on its own port: how a stdio server (which has no HTTP port) is scraped. */
public final class MetricsHosting implements AutoCloseable {

    private final Javalin app;

    private MetricsHosting(Javalin app) {
        this.app = app;
    }

    /** Binds {@code host:port} (0 picks a free port) and serves {@code metrics}; only a loopback host is allowed. */
    public static MetricsHosting start(String host, int port, McpMetrics metrics, List<String> allowedOrigins) {
        HostOriginValidator validator = new HostOriginValidator(allowedOrigins);
        MetricsRoute route = new MetricsRoute(metrics, validator, host, null);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.routes.get(MetricsRoute.PATH, route::handle);
        }).start();
        validator.bind(host, app.port());
        return new MetricsHosting(app);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
