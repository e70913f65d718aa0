package dev.leash.venue.http;

import dev.leash.venue.http.HttpVenueException.Kind;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The venue's published limits as Resilience4j rate limiters; a request takes one permit from each it names. */
final class RateLimits {

    private final Map<String, RateLimiter> limiters = new HashMap<>();

    RateLimits(List<RateLimit> limits) {
        for (RateLimit l : limits) {
            limiters.put(l.name(), RateLimiter.of(l.name(), RateLimiterConfig.custom()
                    .limitForPeriod(l.permits())
                    .limitRefreshPeriod(l.period())
                    .timeoutDuration(l.maxWait())
                    .build()));
        }
    }

    void acquire(List<String> names, String what) throws HttpVenueException {
        for (String name : names) {
            RateLimiter l = limiters.get(name);
            if (l == null) {
                throw new IllegalArgumentException("no rate limit named " + name);
            }
            if (!l.acquirePermission()) {
                throw new HttpVenueException(Kind.RATE_LIMITED, 0, -1, what + ": local rate limit '" + name
                        + "' (" + l.getRateLimiterConfig().getLimitForPeriod() + " per "
                        + l.getRateLimiterConfig().getLimitRefreshPeriod().toMillis() + " ms) has no permit; not sent",
                        null);
            }
        }
    }
}
