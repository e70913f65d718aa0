package dev.leash.mcp.internal;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpStreamableServerTransport;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A session's standing SSE stream (the answer to {@code GET /mcp}): the messages the server sends unasked, such as
 * {@code notifications/resources/updated}, one event each, and a comment every {@value #KEEP_ALIVE_SECONDS} s so
 * the connection's idle timeout never ends a quiet stream. Writes are serialized; a failed write ends the stream.
 */
final class SseStream implements McpStreamableServerTransport {

    static final long KEEP_ALIVE_SECONDS = 15;
    private static final Logger LOG = LoggerFactory.getLogger(SseStream.class);

    private final AsyncContext async;
    private final McpJsonMapper mapper;
    private final Runnable onEnd;
    private ScheduledFuture<?> keepAlive;
    private boolean ended;

    private SseStream(AsyncContext async, McpJsonMapper mapper, Runnable onEnd) {
        this.async = async;
        this.mapper = mapper;
        this.onEnd = onEnd;
    }

    /** Opens the stream on {@code async} (headers already set) and schedules its keep-alive comments. */
    static SseStream open(AsyncContext async, McpJsonMapper mapper, ScheduledExecutorService timer, Runnable onEnd)
            throws IOException {
        SseStream s = new SseStream(async, mapper, onEnd);
        async.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                s.end();
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                s.end();
            }

            @Override
            public void onError(AsyncEvent event) {
                s.end();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        s.write(": stream open\n\n");
        synchronized (s) {
            s.keepAlive = timer.scheduleAtFixedRate(() -> s.write(": keep-alive\n\n"), KEEP_ALIVE_SECONDS,
                    KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        }
        return s;
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message) {
        return sendMessage(message, null);
    }

    @Override
    public Mono<Void> sendMessage(JSONRPCMessage message, String messageId) {
        return Mono.fromRunnable(() -> {
            try {
                write("event: message\ndata: " + mapper.writeValueAsString(message) + "\n\n");
            } catch (IOException e) {
                LOG.debug("a message could not be written: {}", e.toString());
            }
        });
    }

    private synchronized void write(String text) {
        if (ended) {
            return;
        }
        try {
            ServletOutputStream out = async.getResponse().getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException | IllegalStateException e) {
            LOG.debug("the SSE stream ended: {}", e.toString());
            end();
            complete();
        }
    }

    private void complete() {
        try {
            async.complete();
        } catch (IllegalStateException alreadyDone) {
            // completed by the container already
        }
    }

    /** Ends once: stops the keep-alive and tells the session. */
    private synchronized void end() {
        if (ended) {
            return;
        }
        ended = true;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        onEnd.run();
    }

    @Override
    public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
        return mapper.convertValue(data, typeRef);
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            end();
            complete();
        });
    }
}
