package dev.leash.mcp.internal;

import dev.leash.common.Tokens;
import dev.leash.mcp.McpConfig;
import io.javalin.Javalin;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import jakarta.servlet.DispatcherType;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletHolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.EnumSet;
import java.util.Map;

/**
 * The Leash tools, resources and prompts ({@link LeashServer}) on the SDK's own transports instead of Leash's, so
 * that the same suites can run against both: the SDK's stdio transport and its Streamable HTTP servlet.
 */
public final class SdkTransports {

    private SdkTransports() {
    }

    /** The SDK's {@link StdioServerTransportProvider} on {@code in} and {@code out}. */
    public static McpSyncServer stdio(McpConfig config, InputStream in, OutputStream out) {
        return LeashServer.build(McpServer.sync(new StdioServerTransportProvider(LeashServer.jsonMapper(), in, out)),
                GatewayClient.create(config));
    }

    /**
     * The SDK's {@link HttpServletStreamableServerTransportProvider} at {@value HttpHosting#ENDPOINT} on Javalin's
     * embedded Jetty, behind Leash's bearer filter, with Leash's Host and Origin check; port 0 picks a free port.
     */
    public static Http http(McpConfig config) {
        Tokens.Token token;
        try {
            token = Tokens.load(config.mcpToken(), "LEASH_MCP_TOKEN", config.dataDir().resolve("mcp.token"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HostOriginValidator validator = new HostOriginValidator(config.allowedOrigins());
        HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider
                .builder()
                .jsonMapper(LeashServer.jsonMapper())
                .mcpEndpoint(HttpHosting.ENDPOINT)
                .httpHeaderValidator(validator)
                .contextExtractor(request -> {
                    Object principal = request.getAttribute(ToolCall.PRINCIPAL);
                    return principal == null ? McpTransportContext.EMPTY
                            : McpTransportContext.create(Map.of(ToolCall.PRINCIPAL, principal));
                })
                .build();
        McpSyncServer server = LeashServer.build(McpServer.sync(transport), GatewayClient.create(config));
        TokenHelp help = new TokenHelp(token.file());
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = config.host();
            cfg.jetty.port = config.port();
            cfg.jetty.modifyServletContextHandler(handler -> {
                ServletHolder mcp = new ServletHolder(transport);
                mcp.setAsyncSupported(true);
                handler.addServlet(mcp, HttpHosting.ENDPOINT);
                FilterHolder auth = new FilterHolder(new BearerAuthFilter(token.value(), help));
                auth.setAsyncSupported(true);
                handler.addFilter(auth, HttpHosting.ENDPOINT, EnumSet.of(DispatcherType.REQUEST));
            });
        });
        app.start();
        validator.bind(config.host(), app.port());
        return new Http(app, server, token.value());
    }

    /** A running SDK Streamable HTTP server. */
    public static final class Http implements AutoCloseable {

        private final Javalin app;
        private final McpSyncServer server;
        private final String token;

        private Http(Javalin app, McpSyncServer server, String token) {
            this.app = app;
            this.server = server;
            this.token = token;
        }

        public int port() {
            return app.port();
        }

        /** The bearer token clients must present. */
        public String token() {
            return token;
        }

        @Override
        public void close() {
            server.closeGracefully();
            app.stop();
        }
    }
}
