package dev.leash.gateway.loop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The age of the newest market event per symbol, measured at each inner-loop step in trading time: a symbol whose
 * newest event is older than the bound is stale. Keeps the last {@link #WINDOW} ages (all symbols) in a ring for
 * the lag's percentiles.
 *
 * <p>The inner loop records (allocation-free); any thread may read {@link #health}.
 */
final class FeedMonitor {

    /** Lag samples kept for the percentiles. */
    static final int WINDOW = 1024;

    private final List<String> symbols;
    private final long staleAfterMillis;
    private final AtomicLongArray newest;
    private final AtomicLongArray lastAge;
    private final AtomicLongArray staleSince;
    private final AtomicLongArray samples = new AtomicLongArray(WINDOW);
    private int next;
    private volatile int count;
    /** Bumped after every change a health answer shows; {@link #health} rebuilds only when it moved. */
    private volatile long version;
    private volatile Cached cached;

    /** A health answer and the version it was built at (or after). */
    private record Cached(long version, FeedHealth health) {
    }

    FeedMonitor(List<String> symbols, long staleAfterMillis) {
        this.symbols = List.copyOf(symbols);
        this.staleAfterMillis = staleAfterMillis;
        this.newest = new AtomicLongArray(symbols.size());
        this.lastAge = new AtomicLongArray(symbols.size());
        this.staleSince = new AtomicLongArray(symbols.size());
        start(Long.MIN_VALUE);
    }

    /** Starts watching at trading time {@code start}: a symbol that never delivers is stale one bound later. */
    void start(long start) {
        for (int i = 0; i < symbols.size(); i++) {
            newest.set(i, start);
            staleSince.set(i, Long.MIN_VALUE);
        }
        version = version + 1;
    }

    long staleAfterMillis() {
        return staleAfterMillis;
    }

    /** A market event of {@code symbol} stamped {@code eventTime} arrived. */
    void onEvent(int symbol, long eventTime) {
        if (eventTime > newest.get(symbol)) {
            newest.setRelease(symbol, eventTime);
        }
    }

    /** The age of the symbol's newest event at {@code now} (never negative), recorded as a lag sample. */
    long sample(int symbol, long now) {
        long n = newest.get(symbol);
        long age = n == Long.MIN_VALUE ? 0 : Math.max(0, now - n);
        lastAge.setRelease(symbol, age);
        samples.setRelease(next, age);
        next = (next + 1) % WINDOW;
        if (count < WINDOW) {
            count = count + 1;
        }
        version = version + 1; // only the inner loop writes
        return age;
    }

    /** Marks the symbol stale from {@code since}, or fresh when {@code since} is MIN_VALUE. */
    void markStale(int symbol, long since) {
        staleSince.setRelease(symbol, since);
        version = version + 1;
    }

    boolean stale(long age) {
        return age > staleAfterMillis;
    }

    /** The lag's percentiles over the recent window and each symbol's state (allocates: for health only). */
    FeedHealth health() {
        long v = version; // read before the figures: a change after this read moves it again
        Cached c = cached;
        if (c != null && c.version() == v) {
            return c.health();
        }
        FeedHealth h = build();
        cached = new Cached(v, h);
        return h;
    }

    private FeedHealth build() {
        int n = count;
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = samples.getAcquire(i);
        }
        Arrays.sort(sorted);
        List<FeedHealth.SymbolFeed> out = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i++) {
            long since = staleSince.getAcquire(i);
            out.add(new FeedHealth.SymbolFeed(symbols.get(i), lastAge.getAcquire(i), since != Long.MIN_VALUE, since));
        }
        return new FeedHealth(staleAfterMillis, n == 0 ? 0 : sorted[(n - 1) / 2],
                n == 0 ? 0 : sorted[(int) Math.ceil(0.99 * n) - 1], n == 0 ? 0 : sorted[n - 1], n, out);
    }
}
