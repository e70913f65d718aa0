package dev.leash.mcp.internal;

import dev.leash.mcp.McpConfig;
import io.javalin.Javalin;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Streamable HTTP at {@code /mcp} inside Javalin's Jetty: {@link StreamableHttpTransport} behind two filters, error
 * cleaning (outermost) and the bearer token; Host and Origin checked by the transport; {@code GET /metrics}
 * ({@link MetricsRoute}); every other path answers a JSON 404 ({@link TokenHelp}). Slow or many clients are bounded by {@link HttpLimits}.
 */
public final class HttpHosting {

    public static final String ENDPOINT = "/mcp";

    private final Javalin app;
    private final McpSyncServer server;
    private final Fleet reads;

    private HttpHosting(Javalin app, McpSyncServer server, Fleet reads) {
        this.app = app;
        this.server = server;
        this.reads = reads;
    }

    /** Builds and starts; port 0 picks a free port, see {@link #port()}. */
    public static HttpHosting start(String host, int port, String token, Path tokenFile, List<String> allowedOrigins,
                                    McpConfig config) {
        return start(host, port, token, tokenFile, allowedOrigins, List.of(), config, HttpLimits.DEFAULTS);
    }

    /** As above; {@code allowedHosts} are {@code Host} names accepted besides loopback (see {@link HostOriginValidator}). */
    public static HttpHosting start(String host, int port, String token, Path tokenFile, List<String> allowedOrigins,
                                    List<String> allowedHosts, McpConfig config) {
        return start(host, port, token, tokenFile, allowedOrigins, allowedHosts, config, HttpLimits.DEFAULTS);
    }

    static HttpHosting start(String host, int port, String token, Path tokenFile, List<String> allowedOrigins,
                             McpConfig config, HttpLimits limits) {
        return start(host, port, token, tokenFile, allowedOrigins, List.of(), config, limits);
    }

    static HttpHosting start(String host, int port, String token, Path tokenFile, List<String> allowedOrigins,
                             List<String> allowedHosts, McpConfig config, HttpLimits limits) {
        TokenHelp help = new TokenHelp(tokenFile);
        HostOriginValidator validator = new HostOriginValidator(allowedOrigins, allowedHosts);
        StreamableHttpTransport transport = new StreamableHttpTransport(LeashServer.jsonMapper(), validator, limits);
        McpMetrics metrics = new McpMetrics(transport::sessions,
                config.gateways().stream().map(dev.leash.mcp.NamedGateway::name).toList());
        Fleet reads = Fleet.start(config, metrics);
        metrics.watch(reads);
        McpSyncServer server = LeashServer.build(McpServer.sync(transport).immediateExecution(true), reads, metrics);
        MetricsRoute metricsRoute = new MetricsRoute(metrics, validator, host, token);
        reads.notifyStateChanges(server);
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.error(404, help::answer);
            cfg.routes.get(MetricsRoute.PATH, metricsRoute::handle);
            cfg.jetty.modifyServer(jetty -> {
                jetty.setErrorHandler(new JsonErrorHandler());
                jetty.addBean(new NetworkConnectionLimit(limits.maxConnections(), jetty));
            });
            cfg.jetty.addConnector((jetty, http) -> connector(jetty, http, host, port, limits));
            cfg.jetty.modifyServletContextHandler(handler -> {
                ServletHolder mcp = new ServletHolder(transport);
                mcp.setAsyncSupported(true);
                handler.addServlet(mcp, ENDPOINT);
                FilterHolder safe = new FilterHolder(new SafeErrorFilter());
                safe.setAsyncSupported(true);
                handler.addFilter(safe, ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
                FilterHolder auth = new FilterHolder(new BearerAuthFilter(token, help));
                auth.setAsyncSupported(true);
                handler.addFilter(auth, ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
            });
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            server.close();
            reads.close();
            throw e;
        }
        validator.bind(host, app.port());
        return new HttpHosting(app, server, reads);
    }

    /** The one HTTP/1.1 connector: a silent connection is closed after the idle timeout (slow headers included). */
    private static ServerConnector connector(Server jetty, HttpConfiguration http, String host, int port,
                                             HttpLimits limits) {
        ServerConnector c = new ServerConnector(jetty, new HttpConnectionFactory(http));
        c.setHost(host);
        c.setPort(port);
        c.setIdleTimeout(limits.idleTimeout().toMillis());
        return c;
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        server.closeGracefully();
        app.stop();
        reads.close();
    }
}
