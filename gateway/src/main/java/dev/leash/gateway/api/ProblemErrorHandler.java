package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Jetty's answer to a request it refuses before routing (an undecodable path, a malformed request line), as
 * {@code application/problem+json} instead of Jetty's HTML page.
 */
final class ProblemErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ObjectNode p = Json.object();
        p.put("type", "about:blank");
        p.put("title", HttpStatus.getMessage(code));
        p.put("status", code);
        p.put("detail", "the request could not be read: " + HttpStatus.getMessage(code)
                + (code == HttpStatus.BAD_REQUEST_400 ? " (check the path's percent-encoding)" : ""));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, ApiServer.PROBLEM_JSON);
        response.write(true, ByteBuffer.wrap(Json.text(p).getBytes(StandardCharsets.UTF_8)), callback);
    }
}
