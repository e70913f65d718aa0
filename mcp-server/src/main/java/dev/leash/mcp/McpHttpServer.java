package dev.leash.mcp;

import dev.leash.mcp.internal.GatewayClient;
import dev.leash.mcp.internal.HttpHosting;
import dev.leash.mcp.internal.TokenStore;

import java.nio.file.Path;

/**
 * The Leash MCP server over Streamable HTTP at {@code /mcp}. Start it in-process (port 0 picks a free port) and
 * ask for {@link #port()}.
 */
public final class McpHttpServer implements AutoCloseable {

    private final HttpHosting hosting;
    private final TokenStore.Token token;
    private final String host;

    private McpHttpServer(HttpHosting hosting, TokenStore.Token token, String host) {
        this.hosting = hosting;
        this.token = token;
        this.host = host;
    }

    /** Resolves the token (env, else {@code mcp.token}, created 0600 on first start), binds and starts. */
    public static McpHttpServer start(McpConfig config) {
        TokenStore.Token token = TokenStore.resolve(config.mcpToken(), config.dataDir());
        HttpHosting hosting = HttpHosting.start(config.host(), config.port(), token.value(), token.file(),
                config.allowedOrigins(),
                GatewayClient.create(config));
        return new McpHttpServer(hosting, token, config.host());
    }

    public int port() {
        return hosting.port();
    }

    /** {@code http://HOST:PORT/mcp}. */
    public String url() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return "http://" + h + ":" + port() + HttpHosting.ENDPOINT;
    }

    /** The bearer token clients must present. */
    public String token() {
        return token.value();
    }

    /** The token file, or null when the token came from {@code LEASH_MCP_TOKEN}. */
    public Path tokenFile() {
        return token.file();
    }

    /** Whether the token file was created by this start. */
    public boolean tokenGenerated() {
        return token.generated();
    }

    @Override
    public void close() {
        hosting.stop();
    }
}
