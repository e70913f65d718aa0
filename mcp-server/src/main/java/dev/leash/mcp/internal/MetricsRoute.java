package dev.leash.mcp.internal;

import dev.leash.mcp.Loopback;
import io.javalin.http.Context;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * {@code GET /metrics}: the MCP server's Prometheus metrics, read-only. As on the gateway, open when the server is
 * bound to a loopback address and otherwise only with {@code Authorization: Bearer <token>}; the Host and Origin
 * rules of {@code /mcp} apply.
 */
final class MetricsRoute {

    static final String PATH = "/metrics";

    private final McpMetrics metrics;
    private final ServerHttpHeaderValidator headers;
    private final boolean loopbackOnly;
    private final byte[] token;

    /** {@code token} null: no token accepted (only a loopback bind serves metrics). */
    MetricsRoute(McpMetrics metrics, ServerHttpHeaderValidator headers, String host, String token) {
        this.metrics = metrics;
        this.headers = headers;
        this.loopbackOnly = Loopback.isLoopback(host);
        this.token = token == null ? null : digest(token);
    }

    void handle(Context ctx) throws Exception {
        try {
            headers.validate(MediaTypes.headers(ctx.req()));
        } catch (ServerTransportSecurityException e) {
            ErrorBodies.write(ctx.res(), e.getStatusCode(), e.getMessage());
            return;
        }
        if (!loopbackOnly && !authorized(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"leash-mcp\"");
            ErrorBodies.write(ctx.res(), 401, "/metrics on a non-loopback address needs Authorization: Bearer <the"
                    + " MCP server's token>");
            return;
        }
        McpMetrics.Exposition e = metrics.scrape(ctx.header("Accept"));
        ctx.contentType(e.contentType()).result(e.body());
    }

    private boolean authorized(String header) {
        if (token == null || header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, digest(header.substring(7).trim()));
    }

    private static byte[] digest(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
