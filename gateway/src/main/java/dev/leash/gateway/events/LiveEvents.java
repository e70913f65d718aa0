package dev.leash.gateway.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live event stream: a bounded ring of the newest events, for resumption by id, and the subscribers' queues.
 *
 * <p>Threading: {@link #publish} is called on the inner and middle loops' threads and never waits for a client. It
 * appends to the ring and offers the event to each subscriber's bounded queue under a short lock; a subscriber whose
 * queue is full is dropped (it reconnects and resumes from its last id), so a slow client never back-pressures
 * trading. Subscribers drain their queues on their own (HTTP) threads.
 */
public final class LiveEvents {

    /** How many of the newest events a reconnecting client can resume from. */
    public static final int RING_SIZE = 2_000;
    /** How many events a client may fall behind before it is dropped. */
    public static final int CLIENT_QUEUE = 1_000;
    /** How many clients may listen at once. */
    public static final int MAX_CLIENTS = 16;

    private final int ringSize;
    private final int clientQueue;
    private final int maxClients;
    private final ArrayDeque<LiveEvent> ring = new ArrayDeque<>();
    private final List<Subscription> clients = new ArrayList<>();
    private final AtomicLong droppedClients = new AtomicLong();
    private long nextId;
    private boolean closed;

    /**
     * A stream whose first event has id {@code firstId}: start it from the wall clock (e.g. ms x 1000) so an id from
     * an earlier run is never mistaken for one of this run.
     */
    public LiveEvents(long firstId, int ringSize, int clientQueue, int maxClients) {
        if (ringSize < 1 || clientQueue < 1 || maxClients < 1) {
            throw new IllegalArgumentException("ring, queue and client bounds must be positive");
        }
        this.nextId = firstId;
        this.ringSize = ringSize;
        this.clientQueue = clientQueue;
        this.maxClients = maxClients;
    }

    /** The stream with the default bounds. */
    public static LiveEvents startingAt(long firstId) {
        return new LiveEvents(firstId, RING_SIZE, CLIENT_QUEUE, MAX_CLIENTS);
    }

    /** Appends an event and hands it to every client; never blocks. Returns its id. */
    public synchronized long publish(String type, String data) {
        LiveEvent e = new LiveEvent(nextId++, type, data);
        if (ring.size() == ringSize) {
            ring.removeFirst();
        }
        ring.addLast(e);
        for (int i = clients.size() - 1; i >= 0; i--) {
            Subscription s = clients.get(i);
            if (!s.offer(e)) {
                clients.remove(i);
                droppedClients.incrementAndGet();
            }
        }
        return e.id();
    }

    /**
     * A new client, first given the events after {@code lastEventId} still in the ring (none when null); null when
     * {@link #MAX_CLIENTS} already listen. When that id is no longer (or never was) in the ring, the subscription
     * reports a gap: the client missed events and should read the state afresh.
     */
    public synchronized Subscription subscribe(Long lastEventId) {
        if (closed || clients.size() >= maxClients) {
            return null;
        }
        List<LiveEvent> replay = new ArrayList<>();
        boolean gap = false;
        if (lastEventId != null) {
            long oldest = ring.isEmpty() ? nextId : ring.getFirst().id();
            gap = lastEventId < oldest - 1 || lastEventId >= nextId;
            if (!gap) {
                for (LiveEvent e : ring) {
                    if (e.id() > lastEventId) {
                        replay.add(e);
                    }
                }
            }
        }
        Subscription s = new Subscription(this, clientQueue, replay, gap, nextId - 1);
        clients.add(s);
        return s;
    }

    synchronized void unsubscribe(Subscription s) {
        clients.remove(s);
    }

    /** Ends every subscription (the gateway stops): waiting clients wake at once, new ones are refused. */
    public synchronized void close() {
        closed = true;
        clients.forEach(Subscription::end);
        clients.clear();
    }

    /** How many clients listen now. */
    public synchronized int clients() {
        return clients.size();
    }

    /** How many clients were dropped for falling behind. */
    public long droppedClients() {
        return droppedClients.get();
    }

    /** The id the next event will get. */
    public synchronized long nextId() {
        return nextId;
    }
}
