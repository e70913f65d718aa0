package dev.leash.venue.http;

import java.time.Duration;

/**
 * A published venue limit: at most {@code permits} requests per {@code period}, shared by every request that
 * names it; a request waits at most {@code maxWait} for a permit, then fails as rate limited without being sent.
 */
public record RateLimit(String name, int permits, Duration period, Duration maxWait) {

    public RateLimit {
        if (name == null || name.isBlank() || permits <= 0 || period.isNegative() || period.isZero()
                || maxWait.isNegative()) {
            throw new IllegalArgumentException("rate limit needs a name, positive permits and period: " + name);
        }
    }
}
