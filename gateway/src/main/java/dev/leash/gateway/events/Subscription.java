package dev.leash.gateway.events;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One client's view of the live stream: the events it missed, then each new one, until it falls behind. */
public final class Subscription implements AutoCloseable {

    private static final LiveEvent END = new LiveEvent(-1, "end", "");

    private final LiveEvents stream;
    private final ArrayBlockingQueue<LiveEvent> queue;
    private final List<LiveEvent> replay;
    private final boolean gap;
    private final long lastIdAtStart;
    private volatile boolean dropped;

    Subscription(LiveEvents stream, int capacity, List<LiveEvent> replay, boolean gap, long lastIdAtStart) {
        this.stream = stream;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.replay = List.copyOf(replay);
        this.gap = gap;
        this.lastIdAtStart = lastIdAtStart;
    }

    /** The id of the newest event published before this subscription began (one less than the first id if none). */
    public long lastIdAtStart() {
        return lastIdAtStart;
    }

    /** The events after the client's last id, oldest first, to send before any new one. */
    public List<LiveEvent> replay() {
        return replay;
    }

    /** True when the client's last id was no longer in the ring: it missed events. */
    public boolean gap() {
        return gap;
    }

    /** Called by the publisher; false (and the subscription dropped) when the client has fallen too far behind. */
    boolean offer(LiveEvent e) {
        if (dropped || !queue.offer(e)) {
            dropped = true;
            return false;
        }
        return true;
    }

    /** The next event, or null when none came within the timeout or the client was dropped. */
    public LiveEvent next(long timeout, TimeUnit unit) throws InterruptedException {
        if (dropped) {
            return null;
        }
        LiveEvent e = queue.poll(timeout, unit);
        return e == END || dropped ? null : e;
    }

    /** Ends the subscription now: a client waiting in {@link #next} wakes and sees {@link #dropped}. */
    void end() {
        dropped = true;
        queue.clear();
        queue.offer(END);
    }

    /** True once the publisher dropped this client for falling behind. */
    public boolean dropped() {
        return dropped;
    }

    @Override
    public void close() {
        stream.unsubscribe(this);
    }
}
