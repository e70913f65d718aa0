package dev.leash.gateway.api;

import dev.leash.risk.Principal;

/** Who a presented bearer token speaks for. */
public interface Credentials {

    /** The principal whose token {@code presented} is, or null when it is no token of this gateway. */
    Principal principalOf(String presented);

    /** True when {@code presented} is the metrics token, which reads {@code GET /metrics} and nothing else. */
    default boolean isMetricsToken(String presented) {
        return false;
    }
}
