package dev.leash.mcp.internal;

import io.javalin.Javalin;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * Streamable HTTP at {@code /mcp} inside Javalin's Jetty: {@link StreamableHttpTransport} behind two filters, error
 * cleaning (outermost) and the bearer token; Host and Origin checked by the transport.
 */
public final class HttpHosting {

    public static final String ENDPOINT = "/mcp";
    static final int MAX_REQUEST_BYTES = 512 * 1024;

    private final Javalin app;
    private final McpSyncServer server;

    private HttpHosting(Javalin app, McpSyncServer server) {
        this.app = app;
        this.server = server;
    }

    /** Builds and starts; port 0 picks a free port, see {@link #port()}. */
    public static HttpHosting start(String host, int port, String token, Path tokenFile, List<String> allowedOrigins,
                                    GatewayClient gateway) {
        TokenHelp help = new TokenHelp(tokenFile);
        HostOriginValidator validator = new HostOriginValidator(allowedOrigins);
        StreamableHttpTransport transport = new StreamableHttpTransport(LeashServer.jsonMapper(), validator,
                MAX_REQUEST_BYTES);
        McpSyncServer server = LeashServer.build(McpServer.sync(transport).immediateExecution(true), gateway);
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.error(404, help::answer);
            cfg.jetty.modifyServer(jetty -> jetty.setErrorHandler(new JsonErrorHandler()));
            cfg.jetty.modifyServletContextHandler(handler -> {
                handler.addServlet(new ServletHolder(transport), ENDPOINT);
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
            throw e;
        }
        validator.bind(host, app.port());
        return new HttpHosting(app, server);
    }

    public int port() {
        return app.port();
    }

    public void stop() {
        server.closeGracefully();
        app.stop();
    }
}
