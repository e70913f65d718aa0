package dev.leash.gateway.api;

import dev.leash.risk.Principal;

/**
 * Who a request speaks for, from its bearer token and its route: reads are open on a loopback binding; elsewhere and
 * for every write the gateway's or the model's token decides the principal; the metrics token reads
 * {@code GET /metrics} and nothing else.
 */
final class BearerAuth {

    /** What a request's token allows: {@code principal} (null for a tokenless read or a scrape), or a refusal. */
    record Verdict(Principal principal, boolean refused, boolean invalidToken, String detail) {

        static final Verdict OPEN = new Verdict(null, false, false, null);
    }

    private final Credentials credentials;
    private final boolean loopbackOnly;

    BearerAuth(Credentials credentials, boolean loopbackOnly) {
        this.credentials = credentials;
        this.loopbackOnly = loopbackOnly;
    }

    /** The verdict on a request; {@code metrics} when it is for {@code /metrics}. */
    Verdict check(boolean write, boolean metrics, String authorizationHeader) {
        if (!write && loopbackOnly) {
            return Verdict.OPEN;
        }
        String presented = authorizationHeader != null && authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorizationHeader.substring(7).trim() : null;
        if (presented == null) {
            return new Verdict(null, true, false, (write ? "writes" : "requests to a non-loopback address")
                    + " need Authorization: Bearer <token> (the operator's: LEASH_GATEWAY_TOKEN or the data directory's"
                    + " gateway.token; the model's: LEASH_MODEL_TOKEN or model.token"
                    + (metrics ? "; for GET /metrics also the metrics token: LEASH_METRICS_TOKEN or"
                    + " api.metrics_token_file)" : ")"));
        }
        Principal principal = credentials.principalOf(presented);
        if (principal != null) {
            return new Verdict(principal, false, false, null);
        }
        if (credentials.isMetricsToken(presented)) {
            return metrics && !write ? Verdict.OPEN : new Verdict(null, true, true,
                    "the metrics token reads GET /metrics only");
        }
        return new Verdict(null, true, true, "the bearer token is not this gateway's token");
    }
}
