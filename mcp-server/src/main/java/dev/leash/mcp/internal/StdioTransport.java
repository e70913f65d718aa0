package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransport;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MCP over stdio: one JSON-RPC message per line in, one per line out, nothing else on the output.
 *
 * <p>One thread reads the input. Each line is parsed once, checked (a line that is not JSON, not a JSON-RPC message
 * or longer than {@value #MAX_LINE_BYTES} bytes is answered with a JSON-RPC error and dropped; the session keeps
 * serving) and handed to the SDK session on that thread; the answer is written by whichever thread produces it,
 * one whole line at a time. The SDK's own stdio transport reads characters one by one, parses every line twice
 * when filtered like this, and writes through a dedicated output thread: a hop on every call.
 *
 * <p>Requests are subscribed to, never waited for here: a request that arrives before {@code initialized} is held
 * by the session until that notification, which this thread must stay free to read.
 */
public final class StdioTransport implements McpServerTransportProvider {

    private static final Logger LOG = LoggerFactory.getLogger(StdioTransport.class);
    static final int MAX_LINE_BYTES = 4 * 1024 * 1024;

    private final InputStream in;
    private final LineOutputStream out;
    private final McpJsonMapper mapper;
    private final Runnable onEof;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch readerEnded = new CountDownLatch(1);
    private volatile McpServerSession session;

    public StdioTransport(InputStream in, LineOutputStream out, McpJsonMapper mapper, Runnable onEof) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.out = out;
        this.mapper = mapper;
        this.onEof = onEof;
    }

    @Override
    public void setSessionFactory(McpServerSession.Factory sessionFactory) {
        session = sessionFactory.create(new Session());
        Thread reader = new Thread(this::readLoop, "leash-stdio-in");
        reader.start();
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    /** The one session is the only client: a notification for it is written like any message. */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        McpServerSession s = session;
        return s == null || !s.getId().equals(sessionId) ? Mono.empty() : s.sendNotification(method, params);
    }

    @Override
    public Mono<Void> closeGracefully() {
        closing.set(true);
        McpServerSession s = session;
        return s == null ? Mono.empty() : s.closeGracefully();
    }

    /** Blocks until the reading thread has ended: input EOF (after {@code onEof} ran) or a read error. */
    public void awaitReaderEnd() throws InterruptedException {
        readerEnded.await();
    }

    private void readLoop() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
            while (!closing.get()) {
                int status = nextLine(line);
                if (status == EOF) {
                    break;
                }
                if (status == TOO_LONG) {
                    reject(null, -32600, "message larger than " + MAX_LINE_BYTES + " bytes");
                } else if (line.size() > 0) {
                    dispatch(line.toByteArray());
                }
            }
            if (!closing.get()) {
                LOG.debug("stdin reached EOF");
                onEof.run();
            }
        } catch (IOException | UncheckedIOException e) {
            if (!closing.get()) {
                LOG.error("stdio failed: {}", e.toString());
            }
        } finally {
            closing.set(true);
            readerEnded.countDown();
        }
    }

    private static final int LINE = 0;
    private static final int EOF = 1;
    private static final int TOO_LONG = 2;

    /**
     * Reads up to the next newline into {@code line}, without it (a CR before it stays: JSON reads it as
     * whitespace): LINE, EOF or TOO_LONG.
     */
    private int nextLine(ByteArrayOutputStream line) throws IOException {
        line.reset();
        boolean tooLong = false;
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (line.size() < MAX_LINE_BYTES) {
                line.write(c);
            } else {
                tooLong = true;
            }
        }
        if (c < 0 && line.size() == 0) {
            return EOF;
        }
        if (tooLong) {
            return TOO_LONG;
        }
        return LINE;
    }

    private void dispatch(byte[] bytes) throws IOException {
        Inbound in = Inbound.read(bytes, mapper);
        if (in.empty()) {
            return;
        }
        JSONRPCMessage message = in.message();
        if (message == null) {
            reject(in.errorId(), in.errorCode(), in.error());
            return;
        }
        String badParams = message instanceof JSONRPCRequest ? RequestParams.problem(in.tree()) : null;
        if (badParams != null) {
            reject(in.errorId(), -32602, "Invalid params: " + badParams);
            return;
        }
        session.handle(message).subscribe(null, e -> LOG.warn("handling {} failed: {}", kind(message), e.toString()));
    }

    private static String kind(JSONRPCMessage m) {
        return m instanceof JSONRPCRequest r ? "request " + r.id() + " (" + r.method() + ")"
                : m instanceof JSONRPCNotification n ? "notification " + n.method() : "a response";
    }

    private void reject(JsonNode id, int code, String message) throws IOException {
        ObjectNode o = Json.object();
        o.put("jsonrpc", "2.0");
        o.set("id", id);
        o.putObject("error").put("code", code).put("message", message);
        out.writeLine(Json.compact(o));
    }

    /** The session's side: every message is one line, written on the sending thread. */
    private final class Session implements McpServerTransport {

        @Override
        public Mono<Void> sendMessage(JSONRPCMessage message) {
            return Mono.fromRunnable(() -> {
                if (closing.get()) {
                    LOG.debug("not sent, stdio is closing: {}", kind(message));
                    return;
                }
                try {
                    // Compact JSON never holds a raw newline: one message, one line.
                    out.writeLine(mapper.writeValueAsString(message));
                } catch (IOException e) {
                    closing.set(true);
                    throw new UncheckedIOException("stdout is closed", e);
                }
            });
        }

        @Override
        public <T> T unmarshalFrom(Object data, TypeRef<T> typeRef) {
            return mapper.convertValue(data, typeRef);
        }

        @Override
        public Mono<Void> closeGracefully() {
            return Mono.fromRunnable(() -> closing.set(true));
        }
    }
}
