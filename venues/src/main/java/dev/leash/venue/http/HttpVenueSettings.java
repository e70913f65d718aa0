package dev.leash.venue.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * How an HTTP venue client behaves: timeouts, the venue's published rate limits, read retries (exponential
 * backoff with full jitter, Retry-After honoured up to {@code maxRetryAfter}), the circuit breaker (opens after
 * {@code breakerFailures} consecutive venue failures, stays open {@code breakerOpen}) and the IP-ban window used
 * when a 403 says nothing about its length. {@code clock} is the wall clock (ban windows, health).
 */
public record HttpVenueSettings(String venue, Duration connectTimeout, Duration readTimeout, List<RateLimit> limits,
                                int readAttempts, Duration backoffBase, Duration backoffMax, Duration maxRetryAfter,
                                int breakerFailures, Duration breakerOpen, Duration defaultBan, Clock clock) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final int DEFAULT_READ_ATTEMPTS = 4;
    public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofMillis(200);
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(10);
    public static final int DEFAULT_BREAKER_FAILURES = 5;
    public static final Duration DEFAULT_BREAKER_OPEN = Duration.ofSeconds(30);
    public static final Duration DEFAULT_BAN = Duration.ofMinutes(10);

    public HttpVenueSettings {
        if (venue == null || venue.isBlank()) {
            throw new IllegalArgumentException("venue name is required");
        }
        limits = List.copyOf(limits);
        if (readAttempts < 1 || breakerFailures < 1) {
            throw new IllegalArgumentException("readAttempts and breakerFailures must be at least 1");
        }
        for (Duration d : List.of(connectTimeout, readTimeout, backoffBase, backoffMax, maxRetryAfter, breakerOpen,
                defaultBan)) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative: " + d);
            }
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock is required");
        }
    }

    /** Documented defaults for {@code venue} with its published {@code limits}. */
    public static HttpVenueSettings defaults(String venue, List<RateLimit> limits, Clock clock) {
        return new HttpVenueSettings(venue, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, limits,
                DEFAULT_READ_ATTEMPTS, DEFAULT_BACKOFF_BASE, DEFAULT_BACKOFF_MAX, DEFAULT_MAX_RETRY_AFTER,
                DEFAULT_BREAKER_FAILURES, DEFAULT_BREAKER_OPEN, DEFAULT_BAN, clock);
    }

    public HttpVenueSettings withTimeouts(Duration connect, Duration read) {
        return new HttpVenueSettings(venue, connect, read, limits, readAttempts, backoffBase, backoffMax,
                maxRetryAfter, breakerFailures, breakerOpen, defaultBan, clock);
    }

    public HttpVenueSettings withRetries(int attempts, Duration base, Duration max, Duration maxRetryAfterWait) {
        return new HttpVenueSettings(venue, connectTimeout, readTimeout, limits, attempts, base, max,
                maxRetryAfterWait, breakerFailures, breakerOpen, defaultBan, clock);
    }

    public HttpVenueSettings withBreaker(int failures, Duration open) {
        return new HttpVenueSettings(venue, connectTimeout, readTimeout, limits, readAttempts, backoffBase,
                backoffMax, maxRetryAfter, failures, open, defaultBan, clock);
    }
}
