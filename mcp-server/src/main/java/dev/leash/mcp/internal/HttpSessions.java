package dev.leash.mcp.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;

/**
 * The open MCP sessions of the HTTP transport, by id: at most {@value #MAX} (past that, a little-used one is
 * closed) and each closed after {@link #IDLE} without a request. Thread-safe.
 */
final class HttpSessions {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);
    static final int MAX = 256;
    /** Long enough for a client left open over a weekend; the count bound is what limits memory. */
    static final Duration IDLE = Duration.ofDays(7);

    private final Cache<String, McpStreamableServerSession> sessions = Caffeine.newBuilder()
            .maximumSize(MAX)
            .expireAfterAccess(IDLE)
            .<String, McpStreamableServerSession>removalListener((id, session, cause) -> {
                if (session != null && cause != RemovalCause.EXPLICIT) {
                    LOG.info("MCP session {} ended ({})", id, cause == RemovalCause.EXPIRED ? "idle" : "too many");
                    session.closeGracefully().subscribe(null, e -> LOG.debug("closing session {}", id, e));
                }
            })
            .build();

    void add(McpStreamableServerSession session) {
        sessions.put(session.getId(), session);
    }

    /** The session, marked as used now; null when unknown, ended or expired. */
    McpStreamableServerSession get(String id) {
        return sessions.getIfPresent(id);
    }

    /** The session without marking it used (a notification is no use); null when unknown. */
    McpStreamableServerSession peek(String id) {
        return sessions.asMap().get(id);
    }

    /** How many sessions are open. */
    int size() {
        return (int) sessions.estimatedSize();
    }

    /** Every open session. */
    java.util.Collection<McpStreamableServerSession> all() {
        return java.util.List.copyOf(sessions.asMap().values());
    }

    /** Forgets the session and returns it (null when unknown); closing it is the caller's. */
    McpStreamableServerSession remove(String id) {
        return sessions.asMap().remove(id);
    }

    /** Closes every session, waiting up to 5 s for each. */
    void closeAll() {
        Map<String, McpStreamableServerSession> open = Map.copyOf(sessions.asMap());
        sessions.asMap().clear();
        open.values().forEach(s -> s.closeGracefully().onErrorComplete().block(Duration.ofSeconds(5)));
    }
}
