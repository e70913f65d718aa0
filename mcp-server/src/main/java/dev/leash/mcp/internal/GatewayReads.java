package dev.leash.mcp.internal;

import dev.leash.mcp.McpConfig;

import java.time.Duration;

/**
 * The MCP server's side of the gateway: the REST client, the events follower (when the snapshot is on) and the
 * snapshot that answers reads while the events say it is fresh.
 */
public final class GatewayReads implements AutoCloseable {

    /** A stream silent this long counts as dropped (the gateway sends a comment every 15 s). */
    static final Duration SILENCE = Duration.ofSeconds(40);

    private final GatewayClient gateway;
    private final EventsFollower events;
    private final Snapshot snapshot;
    private volatile StateNotifier notifier;

    private GatewayReads(GatewayClient gateway, EventsFollower events, Snapshot snapshot) {
        this.gateway = gateway;
        this.events = events;
        this.snapshot = snapshot;
    }

    /** Creates the client and, unless the snapshot is off, starts following the gateway's events. */
    public static GatewayReads start(McpConfig config, SnapshotStats stats) {
        return start(config, null, stats);
    }

    /** As {@link #start(McpConfig, SnapshotStats)} for the gateway named {@code name} (null: the unnamed one). */
    public static GatewayReads start(McpConfig config, String name, SnapshotStats stats) {
        GatewayClient gateway = GatewayClient.create(config, name);
        if (config.snapshotMaxAge().isZero()) {
            return new GatewayReads(gateway, null, Snapshot.none(gateway));
        }
        EventsFollower events = EventsFollower.of(config.gatewayBase(), config.gatewayToken(),
                config.connectTimeout(), SILENCE);
        Snapshot snapshot = Snapshot.of(gateway, events, config.snapshotMaxAge(), stats);
        events.start();
        return new GatewayReads(gateway, events, snapshot);
    }

    public GatewayClient gateway() {
        return gateway;
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    /** The events follower, or null when the snapshot is off. */
    public EventsFollower events() {
        return events;
    }

    /** Sends {@code leash://state} updates to its subscribers on {@code server} (none while the snapshot is off). */
    public void notifyStateChanges(io.modelcontextprotocol.server.McpSyncServer server) {
        notifyStateChanges(server, java.util.List.of(StateNotifier.URI));
    }

    /** Sends updates of each of {@code uris} (this gateway's state resources) to their subscribers on {@code server}. */
    void notifyStateChanges(io.modelcontextprotocol.server.McpSyncServer server, java.util.List<String> uris) {
        if (events != null) {
            StateNotifier n = new StateNotifier(server, uris);
            notifier = n;
            events.onEvent(n::onEvent);
        }
    }

    @Override
    public void close() {
        if (events != null) {
            events.close();
        }
        StateNotifier n = notifier;
        if (n != null) {
            n.close();
        }
    }
}
