package dev.leash.gateway.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Sends alerts on its own daemon thread from a bounded queue.
 *
 * <p>Threading: {@link #offer} is called from any thread (the inner loop's included) and never blocks: a full queue
 * drops the alert and counts it. Only the sender thread does HTTP: each channel gets {@code tries} attempts, each
 * bounded by {@code timeout}, with a doubling backoff between them. A failed delivery is logged with the channel's
 * safe target only, never its URL query or the Telegram token.
 */
public final class Alerts implements AlertCounts, AutoCloseable {

    /** Alerts that send nothing. */
    public static final Alerts NONE = new Alerts(List.of(), Settings.DEFAULT, null, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(Alerts.class);

    private final List<Channel> channels;
    private final Settings settings;
    private final BlockingQueue<Alert> queue;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Consumer<String> log;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Map<String, AtomicLong> sentBy = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> failedBy = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean closed;

    /** Queue size, tries per channel, first backoff (doubling), timeout per HTTP call. */
    public record Settings(int capacity, int tries, Duration backoff, Duration timeout) {
        public static final Settings DEFAULT = new Settings(64, 3, Duration.ofSeconds(1), Duration.ofSeconds(5));

        public Settings {
            if (capacity < 1 || tries < 1 || tries > 10 || backoff.isNegative() || timeout.isNegative()
                    || timeout.isZero()) {
                throw new IllegalArgumentException("alert settings out of range");
            }
        }
    }

    /** Waits between tries; the sender thread's only pause. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private Alerts(List<Channel> channels, Settings settings, HttpClient http, Sleeper sleeper, Consumer<String> log) {
        this.channels = List.copyOf(channels);
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.capacity());
        this.http = http;
        this.sleeper = sleeper;
        this.log = log;
        this.thread = channels.isEmpty() ? null : new Thread(this::run, "leash-alerts");
        for (Channel c : this.channels) {
            sentBy.putIfAbsent(c.name(), new AtomicLong());
            failedBy.putIfAbsent(c.name(), new AtomicLong());
        }
    }

    /** Starts the sender for {@code channels}; with none, returns {@link #NONE} and starts no thread. */
    public static Alerts start(List<Channel> channels, Settings settings) {
        return start(channels, settings, d -> Thread.sleep(d.toMillis()), LOG::warn);
    }

    /** As {@link #start(List, Settings)} with the pause between tries and the log line sink given (tests). */
    public static Alerts start(List<Channel> channels, Settings settings, Sleeper sleeper, Consumer<String> log) {
        if (channels.isEmpty()) {
            return NONE;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        Alerts a = new Alerts(channels, settings, http, sleeper, log);
        a.thread.setDaemon(true);
        a.thread.start();
        return a;
    }

    /**
     * Delivers {@code alert} to every channel now, on the caller's thread (for the watchdog command, not the
     * gateway), up to {@code tries} times each; one line per channel that did not accept it, never its URL or token.
     */
    public static List<String> sendNow(List<Channel> channels, Alert alert, Duration timeout, int tries)
            throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        List<String> failures = new java.util.ArrayList<>();
        for (Channel c : channels) {
            String last = "not sent";
            for (int attempt = 1; attempt <= tries && last != null; attempt++) {
                try {
                    int status = http.send(c.request(alert, timeout), HttpResponse.BodyHandlers.discarding())
                            .statusCode();
                    last = status / 100 == 2 ? null : "HTTP " + status;
                } catch (java.io.IOException e) {
                    last = e.getClass().getSimpleName(); // the message may quote the URL
                }
            }
            if (last != null) {
                failures.add(c.name() + " (" + c.target() + ") failed after " + tries + " tries: " + last);
            }
        }
        return failures;
    }

    /** Queues {@code alert} for every channel; false (and counted) when the queue is full or the sender closed. */
    public boolean offer(Alert alert) {
        if (thread == null) {
            return true;
        }
        if (closed || !queue.offer(alert)) {
            dropped.incrementAndGet();
            return false;
        }
        return true;
    }

    /** Alerts dropped because the queue was full. */
    @Override
    public long dropped() {
        return dropped.get();
    }

    /** Deliveries that failed after every try. */
    public long failed() {
        return failed.get();
    }

    @Override
    public List<String> channels() {
        return channels.stream().map(Channel::name).distinct().toList();
    }

    @Override
    public long sent(String channel) {
        AtomicLong n = sentBy.get(channel);
        return n == null ? 0 : n.get();
    }

    @Override
    public long failed(String channel) {
        AtomicLong n = failedBy.get(channel);
        return n == null ? 0 : n.get();
    }

    private void run() {
        while (!closed) {
            try {
                Alert a = queue.poll(1, TimeUnit.SECONDS);
                if (a != null) {
                    for (Channel c : channels) {
                        deliver(c, a);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                log.accept("alert sender error: " + e.getClass().getSimpleName());
            }
        }
    }

    private void deliver(Channel c, Alert a) throws InterruptedException {
        String last = "not sent";
        Duration wait = settings.backoff();
        for (int attempt = 1; attempt <= settings.tries(); attempt++) {
            if (attempt > 1) {
                sleeper.sleep(wait);
                wait = wait.multipliedBy(2);
            }
            try {
                HttpResponse<Void> r = http.send(c.request(a, settings.timeout()),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    sentBy.get(c.name()).incrementAndGet();
                    return;
                }
                last = "HTTP " + r.statusCode();
            } catch (java.io.IOException e) {
                last = e.getClass().getSimpleName(); // the message may quote the URL
            }
        }
        failed.incrementAndGet();
        failedBy.get(c.name()).incrementAndGet();
        log.accept("alert " + a.kind() + " to " + c.name() + " (" + c.target() + ") failed after "
                + settings.tries() + " tries: " + last);
    }

    /** Stops the sender; alerts still queued are dropped. */
    @Override
    public void close() {
        closed = true;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
