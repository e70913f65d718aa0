package dev.leash.mcp.internal;

import dev.leash.common.Tokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Requires {@code Authorization: Bearer <token>} on {@code /mcp}; 401 with {@code WWW-Authenticate} otherwise. */
final class BearerAuthFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** The principal of the MCP server's token, as it appears in audit authors. */
    static final String PRINCIPAL = "mcp-token";
    static final String REALM = "Bearer realm=\"leash-mcp\"";

    private final transient String token;
    private final transient TokenHelp help;

    BearerAuthFilter(String token, TokenHelp help) {
        this.token = token;
        this.help = help;
    }

    /** An RFC 6750 challenge with a plain error; the description as printable ASCII without quotes. */
    static String challenge(String error, String description) {
        String d = description.chars().map(c -> c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return REALM + ", error=\"" + error + "\", error_description=\"" + d + "\"";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String header = request.getHeader("Authorization");
        String presented = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip() : null;
        if (presented == null) {
            response.setHeader("WWW-Authenticate", challenge("invalid_request", help.missing()));
            ErrorBodies.write(response, 401, help.missing());
            return;
        }
        if (!Tokens.matches(presented, token)) {
            response.setHeader("WWW-Authenticate", challenge("invalid_token", help.wrong()));
            ErrorBodies.write(response, 401, help.wrong());
            return;
        }
        request.setAttribute(ToolCall.PRINCIPAL, PRINCIPAL);
        chain.doFilter(request, response);
    }
}
