package dev.leash.venue.http;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;

import java.util.concurrent.ThreadLocalRandom;

/** Builds a venue's Resilience4j circuit breaker and read retry from its settings. */
final class Resilience {

    private Resilience() {
    }

    /**
     * Opens after {@code breakerFailures} consecutive venue failures (a count window of that size, all failed);
     * refusals and rate limits are answers, not failures.
     */
    static CircuitBreaker breaker(HttpVenueSettings s) {
        return CircuitBreaker.of(s.venue(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(s.breakerFailures())
                .minimumNumberOfCalls(s.breakerFailures())
                .failureRateThreshold(100f)
                .waitDurationInOpenState(s.breakerOpen())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(e -> e instanceof HttpVenueException h && h.venueFailure())
                .build());
    }

    /**
     * Retries transient read failures: exponential backoff with equal jitter, or the venue's Retry-After when it
     * gave one. A Retry-After longer than {@code maxRetryAfter} is not waited for: the read fails at once.
     */
    static Retry readRetry(HttpVenueSettings s) {
        long base = Math.max(1, s.backoffBase().toMillis());
        long max = Math.max(base, s.backoffMax().toMillis());
        long maxRetryAfter = s.maxRetryAfter().toMillis();
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            if (outcome.isLeft() && outcome.getLeft() instanceof HttpVenueException h && h.retryAfterMillis() >= 0) {
                return Math.min(h.retryAfterMillis(), maxRetryAfter);
            }
            long ceiling = Math.min(max, base << Math.min(20, attempt - 1));
            return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        };
        return Retry.of(s.venue() + "-reads", RetryConfig.custom()
                .maxAttempts(s.readAttempts())
                .intervalBiFunction(interval)
                .retryOnException(e -> e instanceof HttpVenueException h && h.retryable()
                        && h.retryAfterMillis() <= maxRetryAfter)
                .build());
    }
}
