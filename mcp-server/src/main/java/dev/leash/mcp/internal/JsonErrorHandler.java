package dev.leash.mcp.internal;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's answer to a request it refuses before any servlet sees it (a malformed request line or path, headers too
 * large): a short JSON-RPC error instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        byte[] body = ErrorBodies.body(code, code >= 500 ? -32603 : -32600,
                "the request could not be read: HTTP " + code + " " + HttpStatus.getMessage(code));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.JSON);
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
