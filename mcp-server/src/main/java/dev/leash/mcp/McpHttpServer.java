package dev.leash.mcp;

import dev.leash.common.Tokens;
import dev.leash.mcp.internal.HttpHosting;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Leash MCP server over Streamable HTTP at {@code /mcp}. Start it in-process (port 0 picks a free port) and
 * ask for {@link #port()}.
 */
public final class McpHttpServer implements AutoCloseable {

    /** The environment variable holding the MCP server's own HTTP token. */
    static final String ENV = "LEASH_MCP_TOKEN";
    /** The token's file in the data directory, created owner-only when missing. */
    static final String FILE = "mcp.token";

    private final HttpHosting hosting;
    private final Tokens.Token token;
    private final String host;

    private McpHttpServer(HttpHosting hosting, Tokens.Token token, String host) {
        this.hosting = hosting;
        this.token = token;
        this.host = host;
    }

    /** Resolves the token (env, else {@code mcp.token}, created 0600 on first start), binds and starts. */
    public static McpHttpServer start(McpConfig config) {
        return start(config, List.of());
    }

    /** As {@link #start(McpConfig)}, also accepting {@code allowedHosts} (no port) in {@code Host} besides loopback. */
    public static McpHttpServer start(McpConfig config, List<String> allowedHosts) {
        Tokens.Token token = token(config);
        HttpHosting hosting = HttpHosting.start(config.host(), config.port(), token.value(), token.file(),
                config.allowedOrigins(), allowedHosts, config);
        return new McpHttpServer(hosting, token, config.host());
    }

    private static Tokens.Token token(McpConfig config) {
        try {
            return Tokens.load(config.mcpToken(), ENV, config.dataDir().resolve(FILE));
        } catch (IOException e) {
            // Names the variable or the file and the cause, never the token.
            throw new ConfigException("cannot use the MCP token: " + e.getMessage() + " (" + e.getClass()
                    .getSimpleName() + "); set " + ENV + " or --data-dir");
        }
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
