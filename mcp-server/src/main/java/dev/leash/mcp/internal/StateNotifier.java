package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.ResourcesUpdatedNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tells the clients subscribed to {@value #URI} that it changed, on the gateway events that change it: a trading
 * state change, a params version taking effect, a fill (positions), and a (re)connect or reset of the stream, after
 * which events may have been missed. Sent on its own thread, so a slow client never holds up the events follower;
 * events arriving while one notification is pending are folded into it.
 */
final class StateNotifier implements AutoCloseable {

    static final String URI = "leash://state";
    /** The event types after which the state resource may read differently. */
    static final Set<String> CHANGES = Set.of("state", "params", "fill", "reset", "connected");
    private static final Logger LOG = LoggerFactory.getLogger(StateNotifier.class);

    private final McpSyncServer server;
    private final java.util.List<String> uris;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "leash-mcp-notify");
        t.setDaemon(true);
        return t;
    });

    StateNotifier(McpSyncServer server) {
        this(server, java.util.List.of(URI));
    }

    /** Notifies each of {@code uris}: a fleet's gateway has its own state resource, the first also {@value #URI}. */
    StateNotifier(McpSyncServer server, java.util.List<String> uris) {
        this.server = server;
        this.uris = java.util.List.copyOf(uris);
    }

    /** Called with each event's type on the follower thread. */
    void onEvent(String type) {
        if (!CHANGES.contains(type) || !pending.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.execute(this::send);
        } catch (RejectedExecutionException closed) {
            pending.set(false);
        }
    }

    private void send() {
        pending.set(false);
        for (String uri : uris) {
            try {
                server.notifyResourcesUpdated(new ResourcesUpdatedNotification(uri));
            } catch (RuntimeException e) {
                LOG.debug("{} update not sent: {}", uri, e.toString());
            }
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
