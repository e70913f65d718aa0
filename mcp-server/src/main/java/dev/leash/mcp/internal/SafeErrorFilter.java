package dev.leash.mcp.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/** Makes every error answer of {@code /mcp} a short JSON-RPC error without a stack trace; see {@link SafeErrorResponse}. */
final class SafeErrorFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SafeErrorFilter.class);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        SafeErrorResponse safe = new SafeErrorResponse(response);
        try {
            chain.doFilter(request, safe);
        } catch (IOException | ServletException | RuntimeException e) {
            LOG.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.resetBuffer();
                ErrorBodies.write(response, 500, "the MCP server could not handle this request; see its log");
            }
            return;
        }
        safe.finish();
    }
}
