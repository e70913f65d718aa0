package dev.leash.mcp.internal;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The gateway's read answers kept in memory while the events stream says they still hold: an answer is reused only
 * while the stream is connected, no event has arrived since it was fetched (the generation is unchanged) and it is
 * younger than the bound. Otherwise the read goes to the gateway. Thread-safe; entries are immutable.
 *
 * <p>Age is counted from when the fetch started, so no answer is ever served later than {@code maxAge} after a
 * change the gateway made before that fetch, whether or not an event told of it (marks move with no event).
 */
public final class Snapshot {

    /** Where answers come from: the gateway's GET. */
    @FunctionalInterface
    public interface Fetch {
        GatewayReply get(String path, Map<String, String> query) throws GatewayException;
    }

    /** A reply, the generation it was fetched at and when its fetch started. */
    private record Entry(GatewayReply reply, long generation, long startedNanos) {
    }

    /** More distinct reads than any client makes in a bound's time; past it the map is emptied. */
    static final int MAX_ENTRIES = 512;

    private final Fetch fetch;
    private final LongSupplier generation;
    private final LongSupplier nanos;
    private final long maxAgeNanos;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SnapshotStats stats;
    private final Runnable outdate;

    Snapshot(Fetch fetch, LongSupplier generation, Runnable outdate, LongSupplier nanos, Duration maxAge,
             SnapshotStats stats) {
        this.fetch = fetch;
        this.outdate = outdate;
        this.generation = generation;
        this.nanos = nanos;
        this.maxAgeNanos = maxAge.toNanos();
        this.stats = stats;
    }

    /** Answers from memory when fresh, else from the gateway; {@code maxAge} zero means always the gateway. */
    public static Snapshot of(GatewayClient gateway, EventsFollower events, Duration maxAge, SnapshotStats stats) {
        if (events == null) {
            return new Snapshot(gateway::get, () -> EventsFollower.DOWN, () -> { }, System::nanoTime, maxAge, stats);
        }
        return new Snapshot(gateway::get, events::generation, events::bump, System::nanoTime, maxAge, stats);
    }

    /** Every read is a round trip (no stream). */
    public static Snapshot none(GatewayClient gateway) {
        return of(gateway, null, Duration.ZERO, SnapshotStats.NONE);
    }

    /** Marks every kept answer as outdated: called after each write the gateway accepted or refused. */
    public void outdate() {
        outdate.run();
    }

    /** The answer to {@code GET path?query}: from memory when fresh, else fetched (and kept when it succeeded). */
    public GatewayReply get(String path, Map<String, String> query) throws GatewayException {
        String key = query.isEmpty() ? path : path + "?" + new TreeMap<>(query);
        long gen = generation.getAsLong();
        long now = nanos.getAsLong();
        Entry e = entries.get(key);
        if (e != null && gen != EventsFollower.DOWN && e.generation == gen && now - e.startedNanos <= maxAgeNanos) {
            stats.hit(now - e.startedNanos);
            return e.reply;
        }
        stats.miss();
        GatewayReply reply = fetch.get(path, query);
        if (reply.ok() && gen != EventsFollower.DOWN && maxAgeNanos > 0) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(reply, gen, now));
        }
        return reply;
    }
}
