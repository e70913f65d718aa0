package dev.leash.venue.http;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leash.venue.VenueException;

import java.time.Duration;

/** A slowly changing venue read (instruments, funding) kept for a fixed time per key; failures are not cached. */
public final class CachedRead<K, V> {

    /** Loads one value; may do I/O. */
    @FunctionalInterface
    public interface Loader<K, V> {
        V load(K key) throws VenueException;
    }

    private final Cache<K, V> cache;
    private final Loader<K, V> loader;

    public CachedRead(Duration ttl, long maxEntries, Loader<K, V> loader) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
        this.loader = loader;
    }

    public V get(K key) throws VenueException {
        V v = cache.getIfPresent(key);
        if (v == null) {
            v = loader.load(key);
            cache.put(key, v);
        }
        return v;
    }

    public void invalidate(K key) {
        cache.invalidate(key);
    }
}
