package dev.leash.mcp.internal;

import io.javalin.Javalin;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Streamable HTTP at {@code /mcp} inside Javalin's Jetty: the SDK servlet behind two filters, error cleaning
 * (outermost) and the bearer token; Host and Origin checked by the transport.
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
    public static HttpHosting start(String host, int port, String token, List<String> allowedOrigins,
                                    GatewayClient gateway) {
        HostOriginValidator validator = new HostOriginValidator(allowedOrigins);
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider.builder()
                .jsonMapper(LeashServer.jsonMapper())
                .mcpEndpoint(ENDPOINT)
                .httpHeaderValidator(validator)
                .maxRequestSize(MAX_REQUEST_BYTES)
                .contextExtractor(request -> {
                    Object principal = request.getAttribute(ToolCall.PRINCIPAL);
                    return principal == null ? McpTransportContext.EMPTY
                            : McpTransportContext.create(Map.of(ToolCall.PRINCIPAL, principal));
                })
                .build();
        McpSyncServer server = LeashServer.build(McpServer.sync(transport).immediateExecution(true), gateway);
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = host;
            cfg.jetty.port = port;
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServletContextHandler(handler -> {
                ServletHolder servlet = new ServletHolder(transport);
                servlet.setAsyncSupported(true);
                handler.addServlet(servlet, ENDPOINT);
                FilterHolder safe = new FilterHolder(new SafeErrorFilter());
                safe.setAsyncSupported(true);
                handler.addFilter(safe, ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
                FilterHolder auth = new FilterHolder(new BearerAuthFilter(token));
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
