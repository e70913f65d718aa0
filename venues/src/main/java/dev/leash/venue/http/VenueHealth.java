package dev.leash.venue.http;

/**
 * What the gateway may show and act on about an HTTP venue: the circuit breaker's state (CLOSED, OPEN, HALF_OPEN,
 * ...), the end of an IP ban window (epoch ms, 0 when none) and the last venue failure (null when none).
 */
public record VenueHealth(String venue, String breakerState, long bannedUntilMillis, String lastFailure) {

    /** True when orders should not add risk: the breaker is not closed or the IP is banned. */
    public boolean degraded(long nowMillis) {
        return !"CLOSED".equals(breakerState) || bannedUntilMillis > nowMillis;
    }

    /** Called when the breaker changes state or a ban window opens; e.g. to move the engine to REDUCE_ONLY. */
    @FunctionalInterface
    public interface Listener {
        void onChange(VenueHealth health);
    }
}
