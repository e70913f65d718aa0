package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds back every error body (status 400 and up, or {@code sendError}) and replaces it, on {@link #finish()}, with
 * a clean JSON-RPC error: the SDK can serialize a whole exception, stack trace included, into a transport-level
 * error (java-sdk #955). Successful and streaming responses pass straight through.
 */
final class SafeErrorResponse extends HttpServletResponseWrapper {

    private int status = SC_OK;
    private String sentError;
    private ByteArrayOutputStream held;
    private PrintWriter heldWriter;

    SafeErrorResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc) {
        sendError(sc, null);
    }

    @Override
    public void sendError(int sc, String msg) {
        status = sc;
        sentError = msg == null ? "HTTP " + sc : msg;
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (!holding()) {
            return super.getOutputStream();
        }
        return new ServletOutputStream() {
            @Override
            public void write(int b) {
                held.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new IllegalStateException("error bodies are written synchronously");
            }
        };
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (!holding()) {
            return super.getWriter();
        }
        if (heldWriter == null) {
            heldWriter = new PrintWriter(new OutputStreamWriter(held, StandardCharsets.UTF_8));
        }
        return heldWriter;
    }

    private boolean holding() {
        if (status >= 400 || sentError != null) {
            if (held == null) {
                held = new ByteArrayOutputStream();
            }
            return true;
        }
        return held != null;
    }

    /** Writes the cleaned error body, if this response was an error. */
    void finish() throws IOException {
        if (sentError == null && held == null) {
            return;
        }
        if (heldWriter != null) {
            heldWriter.flush();
        }
        String message = sentError != null ? sentError : messageOf(held.toString(StandardCharsets.UTF_8));
        HttpServletResponse r = (HttpServletResponse) getResponse();
        if (r.isCommitted()) {
            return;
        }
        r.resetBuffer();
        ErrorBodies.write(r, status, message);
    }

    /** The message of a JSON-RPC error or a serialized {@code McpError}; the status line when there is none. */
    static String messageOf(String body) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (n == null || !n.isObject()) {
            return null;
        }
        for (JsonNode candidate : new JsonNode[] {n.path("jsonRpcError").path("message"),
                n.path("error").path("message"), n.path("message")}) {
            if (candidate.isTextual()) {
                return candidate.textValue();
            }
        }
        return null;
    }
}
