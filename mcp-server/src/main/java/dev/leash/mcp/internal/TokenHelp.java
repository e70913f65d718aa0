package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What a client without the token is told: on {@code /mcp} (401) and on every other path (404), including the OAuth
 * discovery and registration paths an MCP client tries after a 401. This server takes a static bearer token and no
 * OAuth, so each answer names the {@code Authorization: Bearer} header and where the token lives.
 */
final class TokenHelp {

    private final String where;

    /** {@code tokenFile} null: the token came from {@code LEASH_MCP_TOKEN}. */
    TokenHelp(Path tokenFile) {
        this.where = tokenFile == null ? "the LEASH_MCP_TOKEN this server was started with"
                : tokenFile.toAbsolutePath().toString();
    }

    /** The 401 text on {@code /mcp} for a request without a bearer token. */
    String missing() {
        return "send the header Authorization: Bearer <token>; the token is in " + where + " (this server does not "
                + "use OAuth)";
    }

    /** The 401 text on {@code /mcp} for a bearer token that is not this server's. */
    String wrong() {
        return "the bearer token is not this MCP server's; the token is in " + where;
    }

    /** The text for any path but {@code /mcp}. */
    String elsewhere(String path) {
        boolean oauth = isOAuth(path);
        return (oauth ? "this MCP server does not use OAuth (no discovery, registration or authorization)"
                : "nothing is served at this path; the MCP endpoint is /mcp")
                + ". Send the header Authorization: Bearer <token> with every request to /mcp; the token is in "
                + where + ". Claude Code: claude mcp add --transport http leash http://HOST:PORT/mcp --header "
                + "\"Authorization: Bearer <token>\"";
    }

    /** Answers any unrouted request: 404 with an OAuth-style error body that MCP clients print as it is. */
    void answer(Context ctx) {
        ObjectNode o = Json.object();
        o.put("error", isOAuth(ctx.path()) ? "invalid_request" : "not_found");
        o.put("error_description", elsewhere(ctx.path()));
        ctx.status(404).contentType("application/json").result(Json.compact(o).getBytes(StandardCharsets.UTF_8));
    }

    static boolean isOAuth(String path) {
        String p = path == null ? "" : path.toLowerCase(Locale.ROOT);
        return p.startsWith("/.well-known/oauth") || p.startsWith("/.well-known/openid") || p.equals("/register")
                || p.equals("/authorize") || p.equals("/token") || p.startsWith("/oauth");
    }
}
