package dev.leash.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The answer to one JSON-RPC request POSTed to {@code /mcp}, as the SDK session's transport for that request.
 *
 * <p>When the first message the session sends is the request's own response and the client accepts JSON, it is
 * written as one {@code application/json} body. Anything else first (a progress or log notification, a request to
 * the client) turns the answer into an SSE stream that carries every message of the request, its response last,
 * as the Streamable HTTP transport allows. The servlet thread waits for the response, so every write happens
 * before the servlet returns: no async context is needed.
 */
final class HttpReply implements McpStreamableServerTransport {

    private static final Logger LOG = LoggerFactory.getLogger(HttpReply.class);

    private final HttpServletResponse response;
    private final McpJsonMapper mapper;
    private final Object requestId;
    private final boolean jsonAccepted;
    private boolean streaming;
    private boolean answered;
    private boolean closed;

    HttpReply(HttpServletResponse response, McpJsonMapper mapper, Object requestId, boolean jsonAccepted) {
        this.response = response;
        this.mapper = mapper;
        this.requestId = requestId;
        this.jsonAccepted = jsonAccepted;
    }

    /** True once the request's response has been written, as JSON or as the last event of a stream. */
    synchronized boolean answered() {
        return answered;
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message, String messageId) {
        return Mono.fromRunnable(() -> write(message, messageId));
    }

    private synchronized void write(JSONRPCMessage message, String messageId) {
        if (closed || answered) {
            LOG.debug("dropped a message after the answer to request {} was complete", requestId);
            return;
        }
        boolean isAnswer = message instanceof JSONRPCResponse r && Objects.equals(r.id(), requestId);
        try {
            byte[] json = mapper.writeValueAsBytes(message);
            if (isAnswer && jsonAccepted && !streaming) {
                response.setStatus(HttpServletResponse.SC_OK);
                response.setContentType(MediaTypes.JSON);
                response.setContentLength(json.length);
                response.getOutputStream().write(json);
            } else {
                event(json, messageId);
            }
            answered = isAnswer;
        } catch (IOException e) {
            closed = true;
            throw new UncheckedIOException("the client went away before the answer to request " + requestId
                    + " was written", e);
        }
    }

    private void event(byte[] json, String messageId) throws IOException {
        if (!streaming) {
            streaming = true;
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaTypes.EVENT_STREAM);
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-cache");
        }
        ServletOutputStream out = response.getOutputStream();
        if (messageId != null) {
            out.write(("id: " + messageId + "\n").getBytes(StandardCharsets.UTF_8));
        }
        out.write("event: message\ndata: ".getBytes(StandardCharsets.UTF_8));
        out.write(json);
        out.write("\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(this::close);
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
