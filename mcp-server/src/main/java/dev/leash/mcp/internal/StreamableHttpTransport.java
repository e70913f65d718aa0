package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.TypeRef;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import io.modelcontextprotocol.spec.McpSchema.InitializeRequest;
import io.modelcontextprotocol.spec.McpSchema.InitializeResult;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * MCP Streamable HTTP at {@code /mcp}: POST carries one JSON-RPC message and a request is answered with one JSON
 * object (see {@link HttpReply}); DELETE ends a session; GET opens the session's standing SSE stream
 * ({@link SseStream}), which carries what the server sends unasked: {@code notifications/resources/updated} for a
 * subscribed resource.
 *
 * <p>The SDK's servlet transport (2.1.0) answers every request as an SSE stream, which costs a client more to read
 * than a JSON body, holds a second long-lived connection per session, and keeps sessions without a bound. Here
 * sessions are bounded ({@link HttpSessions}); an expired or unknown session gets 404, on which a
 * client starts a new one. Every error is a short JSON-RPC error without a stack trace.
 */
final class StreamableHttpTransport extends HttpServlet implements McpStreamableServerTransportProvider {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
    static final String SESSION_HEADER = "Mcp-Session-Id";

    private final transient McpJsonMapper mapper;
    private final transient ServerHttpHeaderValidator headers;
    private final transient HttpLimits limits;
    private final transient ScheduledThreadPoolExecutor bodyDeadlines = deadlines();
    private final transient HttpSessions sessions = new HttpSessions();
    private transient volatile McpStreamableServerSession.Factory factory;
    private volatile boolean closing;

    StreamableHttpTransport(McpJsonMapper mapper, ServerHttpHeaderValidator headers, HttpLimits limits) {
        this.mapper = mapper;
        this.headers = headers;
        this.limits = limits;
    }

    /** One daemon thread for the body deadlines; a deadline cancelled when its body arrives leaves the queue. */
    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "leash-mcp-body-deadlines");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory sessionFactory) {
        this.factory = sessionFactory;
    }

    /** Sends to every session's standing stream (a session without one misses it). */
    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return Mono.fromRunnable(() -> sessions.all().forEach(s -> s.sendNotification(method, params)
                .subscribe(null, e -> LOG.debug("not sent to session {}: {}", s.getId(), e.toString()))));
    }

    /** Sends to one session's standing stream, if it has one. */
    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        McpStreamableServerSession s = sessions.peek(sessionId);
        return s == null ? Mono.empty() : s.sendNotification(method, params);
    }

    /** How many sessions are open. */
    int sessions() {
        return sessions.size();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return Mono.fromRunnable(() -> {
            closing = true;
            bodyDeadlines.shutdownNow();
            sessions.closeAll();
        });
    }

    @Override
    public List<String> protocolVersions() {
        return McpProtocol.STREAMABLE_HTTP;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (closing) {
            ErrorBodies.write(response, 503, "the MCP server is shutting down");
            return;
        }
        try {
            headers.validate(MediaTypes.headers(request));
        } catch (ServerTransportSecurityException e) {
            ErrorBodies.write(response, e.getStatusCode(), e.getMessage());
            return;
        }
        switch (request.getMethod()) {
            case "POST" -> post(request, response);
            case "DELETE" -> delete(request, response);
            case "GET" -> listen(request, response);
            default -> {
                response.setHeader("Allow", "GET, POST, DELETE");
                ErrorBodies.write(response, 405, request.getMethod() + " is not supported on /mcp: POST messages, "
                        + "GET the session's event stream, DELETE the session");
            }
        }
    }

    private void post(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!MediaTypes.isJson(request.getContentType())) {
            ErrorBodies.write(response, 415, "Content-Type must be application/json");
            return;
        }
        String accept = request.getHeader("Accept");
        boolean json = MediaTypes.accepts(accept, MediaTypes.JSON);
        if (!json && !MediaTypes.accepts(accept, MediaTypes.EVENT_STREAM)) {
            ErrorBodies.write(response, 406, "Accept must list application/json (and text/event-stream)");
            return;
        }
        if (request.getContentLengthLong() > limits.maxBodyBytes()) {
            response.setHeader("Connection", "close");
            ErrorBodies.write(response, 413, "the request body is larger than " + limits.maxBodyBytes() + " bytes");
            return;
        }
        BodyReader.read(request, response, limits, bodyDeadlines, body -> message(request, response, body, json));
    }

    private void message(HttpServletRequest request, HttpServletResponse response, byte[] body, boolean json)
            throws IOException {
        Inbound in = Inbound.read(body, mapper);
        if (in.empty()) {
            ErrorBodies.write(response, 400, null, -32700, "Parse error: the body is empty");
            return;
        }
        JSONRPCMessage message = in.message();
        if (message == null) {
            ErrorBodies.write(response, 400, in.errorId(), in.errorCode(), in.error());
            return;
        }
        String badParams = message instanceof JSONRPCRequest ? RequestParams.problem(in.tree()) : null;
        if (message instanceof JSONRPCRequest r && "initialize".equals(r.method())) {
            if (badParams != null) {
                ErrorBodies.write(response, 400, in.errorId(), -32602, "Invalid params: " + badParams);
                return;
            }
            initialize(r, response);
            return;
        }
        McpStreamableServerSession session = session(request, response, false);
        if (session == null) {
            return;
        }
        McpTransportContext context = context(request);
        if (message instanceof JSONRPCRequest r && badParams != null) {
            new HttpReply(response, mapper, r.id(), json).sendMessage(JSONRPCResponse.error(r.id(),
                    new JSONRPCError(-32602, "Invalid params: " + badParams))).block();
        } else if (message instanceof JSONRPCRequest r) {
            answer(session, r, context, json, response);
        } else if (message instanceof JSONRPCResponse r) {
            accept(session.accept(r), context, r.id(), response);
        } else {
            accept(session.accept((JSONRPCNotification) message), context, null, response);
        }
    }

    /**
     * 202 once the session took the notification or response; 400 when it refused it, e.g. a response to a request
     * this server never sent (JSON-RPC answers neither, so the error carries a null id).
     */
    private static void accept(Mono<Void> accepted, McpTransportContext context, Object responseId,
                               HttpServletResponse response) throws IOException {
        try {
            accepted.contextWrite(c -> c.put(McpTransportContext.KEY, context)).block();
        } catch (RuntimeException e) {
            LOG.debug("refused a client message: {}", e.toString());
            ErrorBodies.write(response, 400, null, -32600, responseId == null
                    ? "Invalid Request: the notification could not be handled"
                    : "Invalid Request: no request of this server awaits a response with id "
                    + ErrorBodies.clean(String.valueOf(responseId), 400));
            return;
        }
        response.setStatus(HttpServletResponse.SC_ACCEPTED);
    }

    private void initialize(JSONRPCRequest r, HttpServletResponse response) throws IOException {
        InitializeRequest init;
        try {
            init = mapper.convertValue(r.params(), new TypeRef<InitializeRequest>() {
            });
        } catch (IllegalArgumentException e) {
            ErrorBodies.write(response, 400, Json.tree(r.id()), -32602, "Invalid params: initialize needs "
                    + "protocolVersion, capabilities and clientInfo with a name");
            return;
        }
        McpStreamableServerSession.McpStreamableServerSessionInit started = factory.startSession(init);
        InitializeResult result = started.initResult().block();
        sessions.add(started.session());
        byte[] json = mapper.writeValueAsBytes(JSONRPCResponse.result(r.id(), result));
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(SESSION_HEADER, started.session().getId());
        response.setContentType(MediaTypes.JSON);
        response.setContentLength(json.length);
        response.getOutputStream().write(json);
    }

    private void answer(McpStreamableServerSession session, JSONRPCRequest r, McpTransportContext context,
                        boolean json, HttpServletResponse response) throws IOException {
        HttpReply reply = new HttpReply(response, mapper, r.id(), json);
        try {
            session.responseStream(reply).handle(r).contextWrite(c -> c.put(McpTransportContext.KEY, context))
                    .block();
        } catch (RuntimeException e) {
            if (reply.answered()) {
                LOG.debug("after answering request {}: {}", r.id(), e.toString());
                return;
            }
            LOG.warn("request {} ({}) failed: {}", r.id(), r.method(), e.toString());
            if (!response.isCommitted()) {
                ErrorBodies.write(response, 500, Json.tree(r.id()), -32603,
                        "Internal error; see the MCP server's log");
            }
        }
    }

    /** {@code GET}: the session's one standing SSE stream; 406 unless the client accepts it, 409 for a second one. */
    private void listen(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!MediaTypes.accepts(request.getHeader("Accept"), MediaTypes.EVENT_STREAM)) {
            ErrorBodies.write(response, 406, "Accept must list text/event-stream to open the session's stream");
            return;
        }
        McpStreamableServerSession session = session(request, response, false);
        if (session == null) {
            return;
        }
        if (session.hasListeningStream()) {
            ErrorBodies.write(response, 409, "this session already has its event stream open");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaTypes.EVENT_STREAM);
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        jakarta.servlet.AsyncContext async = request.startAsync();
        async.setTimeout(0);
        SseStream stream = SseStream.open(async, mapper, bodyDeadlines, session::releaseListeningStream);
        session.listeningStream(stream);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        McpStreamableServerSession session = session(request, response, true);
        if (session == null) {
            return;
        }
        session.delete().onErrorComplete().block(Duration.ofSeconds(5));
        response.setStatus(HttpServletResponse.SC_OK);
    }

    /**
     * The request's session (forgotten here when {@code remove}), or null after answering 400 (no
     * {@value #SESSION_HEADER} header) or 404 (unknown, ended or expired).
     */
    private McpStreamableServerSession session(HttpServletRequest request, HttpServletResponse response,
                                               boolean remove) throws IOException {
        String id = request.getHeader(SESSION_HEADER);
        if (id == null || id.isBlank()) {
            ErrorBodies.write(response, 400, SESSION_HEADER + " header required (from the initialize answer)");
            return null;
        }
        McpStreamableServerSession session = remove ? sessions.remove(id) : sessions.get(id);
        if (session == null) {
            ErrorBodies.write(response, 404, "no MCP session " + ErrorBodies.clean(id, 404)
                    + " (it ended or expired); initialize a new one");
        }
        return session;
    }

    private static McpTransportContext context(HttpServletRequest request) {
        Object principal = request.getAttribute(ToolCall.PRINCIPAL);
        return principal == null ? McpTransportContext.EMPTY
                : McpTransportContext.create(Map.of(ToolCall.PRINCIPAL, principal));
    }
}
