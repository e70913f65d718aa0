package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The one shape of every HTTP-level error body: a JSON-RPC error with a short message and no stack trace. */
final class ErrorBodies {

    static final int MAX_MESSAGE = 300;

    private ErrorBodies() {
    }

    static byte[] body(int status, int code, String message) {
        return body(status, code, message, null);
    }

    /** The error answer to the message with {@code id} (JSON null when it has none or it is unusable). */
    static byte[] body(int status, int code, String message, JsonNode id) {
        ObjectNode o = Json.object();
        o.put("jsonrpc", "2.0");
        o.set("id", id == null ? NullNode.getInstance() : id);
        ObjectNode e = o.putObject("error");
        e.put("code", code);
        e.put("message", clean(message, status));
        return Json.compact(o).getBytes(StandardCharsets.UTF_8);
    }

    static void write(HttpServletResponse response, int status, String message) throws IOException {
        write(response, status, null, status >= 500 ? -32603 : -32600, message);
    }

    /** Answers with HTTP {@code status} and a JSON-RPC error with {@code code}, for the message with {@code id}. */
    static void write(HttpServletResponse response, int status, JsonNode id, int code, String message)
            throws IOException {
        byte[] b = body(status, code, message, id);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setContentLength(b.length);
        response.getOutputStream().write(b);
    }

    /** The first line only, bounded, and nothing that looks like a Java frame. */
    static String clean(String message, int status) {
        if (message == null || message.isBlank()) {
            return "HTTP " + status;
        }
        String first = message.strip().lines().findFirst().orElse("");
        int at = first.indexOf("\tat ");
        if (at >= 0) {
            first = first.substring(0, at);
        }
        return first.length() <= MAX_MESSAGE ? first : first.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
