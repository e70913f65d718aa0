package dev.leash.mcp.internal;

import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Follows the gateway's {@code GET /api/events} on one background thread, reconnecting with backoff and
 * {@code Last-Event-ID}, and keeps a {@link #generation()} that changes on every event, connect and disconnect.
 *
 * <p>Threading: only the follower thread changes the generation, except {@link #bump()} (after a write), both under
 * this object's lock; readers see it through one volatile read. While the stream is down the generation is
 * {@link #DOWN}, so nothing may be answered from memory.
 */
public final class EventsFollower implements AutoCloseable {

    /** The generation while the stream is not connected. */
    public static final long DOWN = -1;
    static final String PATH = "api/events";
    private static final Logger LOG = LoggerFactory.getLogger(EventsFollower.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final OkHttpClient http;
    private final HttpUrl url;
    private final String token;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private volatile long generation = DOWN;
    private long counter;
    private volatile boolean closed;
    private volatile Call current;
    private String lastEventId;
    private Thread thread;

    private EventsFollower(OkHttpClient http, HttpUrl url, String token) {
        this.http = http;
        this.url = url;
        this.token = token;
    }

    /**
     * A follower of {@code base}'s events (not yet started); a stream silent for longer than {@code silence} (the
     * gateway sends a comment every 15 s) counts as dropped.
     */
    public static EventsFollower of(String base, String token, Duration connectTimeout, Duration silence) {
        OkHttpClient http = new OkHttpClient.Builder().connectTimeout(connectTimeout).readTimeout(silence)
                .retryOnConnectionFailure(false).followRedirects(false).build();
        return new EventsFollower(http, HttpUrl.get(base).newBuilder().addPathSegments(PATH).build(), token);
    }

    /** Starts the background thread; returns this. */
    public EventsFollower start() {
        thread = new Thread(this::run, "leash-mcp-events");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** {@code listener} gets each event's type on the follower thread (and {@code "connected"} on each connect). */
    public void onEvent(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** The current generation, {@link #DOWN} while the stream is not connected. */
    public long generation() {
        return generation;
    }

    /** Marks everything read so far as outdated (after a write); no effect while the stream is down. */
    public void bump() {
        synchronized (lock) {
            if (generation != DOWN) {
                generation = ++counter;
            }
        }
    }

    private void set(boolean up) {
        synchronized (lock) {
            ++counter;
            generation = up ? counter : DOWN;
        }
    }

    private void run() {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (!closed) {
            boolean connected = follow();
            set(false);
            if (closed) {
                return;
            }
            backoff = connected ? FIRST_BACKOFF_MILLIS : Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            try {
                TimeUnit.MILLISECONDS.sleep(backoff);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads one connection to its end; true when it connected. */
    private boolean follow() {
        Request.Builder b = new Request.Builder().url(url).header("Accept", "text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        Call call = http.newCall(b.build());
        current = call;
        if (closed) {
            return false;
        }
        try (Response r = call.execute()) {
            if (r.code() != 200 || r.body() == null) {
                LOG.debug("the gateway's events stream answered {}; reads go to the gateway", r.code());
                if (r.code() == 400) {
                    lastEventId = null; // an id the gateway does not know (e.g. a restarted gateway): start afresh
                }
                return false;
            }
            set(true);
            fire("connected");
            LOG.debug("following the gateway's events");
            read(r.body().source());
            return true;
        } catch (IOException e) {
            if (!closed) {
                LOG.debug("the gateway's events stream dropped ({}); reads go to the gateway until it is back",
                        e.getClass().getSimpleName());
            }
            return generation != DOWN;
        }
    }

    private void read(BufferedSource in) throws IOException {
        String id = null;
        String type = null;
        String line;
        while ((line = in.readUtf8Line()) != null) {
            if (line.isEmpty()) {
                if (type != null || id != null) {
                    if (id != null) {
                        lastEventId = id;
                    }
                    bump();
                    fire(type == null ? "message" : type);
                }
                id = null;
                type = null;
            } else if (line.startsWith("id:")) {
                id = value(line);
            } else if (line.startsWith("event:")) {
                type = value(line);
            }
        }
    }

    private static String value(String line) {
        String v = line.substring(line.indexOf(':') + 1);
        return v.startsWith(" ") ? v.substring(1) : v;
    }

    private void fire(String type) {
        for (Consumer<String> l : listeners) {
            try {
                l.accept(type);
            } catch (RuntimeException e) {
                LOG.warn("an events listener failed: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        Call c = current;
        if (c != null) {
            c.cancel();
        }
        if (thread != null) {
            thread.interrupt();
        }
        set(false);
    }
}
