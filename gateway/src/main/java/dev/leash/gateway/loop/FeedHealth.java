package dev.leash.gateway.loop;

import java.util.List;

/**
 * The market data's freshness: the lag (age of the newest event when a step looked) over the last
 * {@value FeedMonitor#WINDOW} samples, and each symbol's state. Milliseconds of trading time.
 */
public record FeedHealth(long staleAfterMillis, long lagP50, long lagP99, long lagMax, int samples,
                         List<SymbolFeed> symbols) {

    /**
     * One symbol.
     *
     * @param staleSince trading time it went stale (held reduce-only), or {@code Long.MIN_VALUE}
     */
    public record SymbolFeed(String symbol, long ageMillis, boolean stale, long staleSince) {
    }
}
