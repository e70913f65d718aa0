package dev.leash.mcp.internal;

import dev.leash.mcp.McpConfig;
import dev.leash.mcp.NamedGateway;
import io.modelcontextprotocol.server.McpSyncServer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The gateways the MCP server fronts, in configured order: per gateway its own client, events follower and
 * snapshot ({@link GatewayReads}). One unnamed gateway is the single-gateway server of before.
 */
public final class Fleet implements AutoCloseable {

    /** One gateway: its name (null for the one unnamed gateway) and its reads. */
    public record Member(String name, GatewayReads reads) {

        public GatewayClient gateway() {
            return reads.gateway();
        }

        public Snapshot snapshot() {
            return reads.snapshot();
        }
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Fleet.class);

    private final List<Member> members;
    private final Duration callBound;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "leash-mcp-fleet");
        t.setDaemon(true);
        return t;
    });

    private Fleet(List<Member> members, Duration callBound) {
        this.members = List.copyOf(members);
        this.callBound = callBound;
    }

    /** Starts the reads of every configured gateway; each one's snapshot counts into its {@code stats.forGateway}. */
    public static Fleet start(McpConfig config, SnapshotStats stats) {
        List<Member> members = new ArrayList<>();
        try {
            for (NamedGateway g : config.gateways()) {
                if (g.name() != null && g.token() == null) {
                    LOG.warn("gateway {} has no model token (--gateway-token-file {}=FILE or {}): it will refuse"
                            + " this server's writes", g.name(), g.name(), NamedGateway.tokenEnv(g.name()));
                }
                members.add(new Member(g.name(), GatewayReads.start(config.forGateway(g), g.name(), stats.forGateway(g.name()))));
            }
        } catch (RuntimeException e) {
            members.forEach(m -> m.reads().close());
            throw e;
        }
        return new Fleet(members, config.connectTimeout().plus(config.readTimeout()));
    }

    public List<Member> members() {
        return members;
    }

    /** The first (or only) gateway: the one of the unscoped resources and the prompts. */
    public Member first() {
        return members.get(0);
    }

    /** Whether tools take a {@code gateway} argument: more than one gateway is configured. */
    public boolean several() {
        return members.size() > 1;
    }

    /** The gateway names, in order. */
    public List<String> names() {
        return members.stream().map(Member::name).toList();
    }

    /** The most one fleet-wide read waits for a gateway before reporting it as not answering. */
    Duration callBound() {
        return callBound;
    }

    ExecutorService pool() {
        return pool;
    }

    /** {@code leash://NAME/state}: a named gateway's own state resource. */
    static String scoped(String uri, String name) {
        return uri.replaceFirst("^leash://", "leash://" + name + "/");
    }

    /** Tells subscribers of each gateway's state resource (the first's also {@code leash://state}) of changes. */
    public void notifyStateChanges(McpSyncServer server) {
        for (Member m : members) {
            List<String> uris = new ArrayList<>();
            if (m == first()) {
                uris.add(StateNotifier.URI);
            }
            if (several()) {
                uris.add(scoped(StateNotifier.URI, m.name()));
            }
            m.reads().notifyStateChanges(server, uris);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
        members.forEach(m -> m.reads().close());
    }
}
