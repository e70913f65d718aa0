package dev.leash.venue.http;

import dev.leash.venue.VenueException;

/**
 * A venue call over HTTP failed; {@link #kind()} says how, which decides whether a read may be retried and whether
 * the failure counts against the venue's circuit breaker. Messages never contain credentials.
 */
public class HttpVenueException extends VenueException {

    private static final long serialVersionUID = 1L;

    /** How a call failed. */
    public enum Kind {
        /** No answer: connect failure, timeout, connection reset. A write may or may not have arrived. */
        TRANSPORT,
        /** HTTP 5xx or a venue "server error" answer. A write may or may not have taken effect. */
        SERVER,
        /** HTTP 429, a venue "too many requests" answer, or the local limiter had no permit in time. */
        RATE_LIMITED,
        /** HTTP 403: the venue banned this IP; nothing is sent until the ban window ends. */
        BANNED,
        /** The venue's circuit breaker is open; nothing was sent. */
        CIRCUIT_OPEN,
        /** The answer could not be parsed. */
        MALFORMED,
        /** The venue answered with an error (HTTP 4xx or an error code): the request was refused. */
        REFUSED
    }

    private final Kind kind;
    private final int httpStatus;
    private final long retryAfterMillis;

    public HttpVenueException(Kind kind, int httpStatus, long retryAfterMillis, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.retryAfterMillis = retryAfterMillis;
    }

    public HttpVenueException(Kind kind, String message) {
        this(kind, 0, -1, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was no HTTP answer. */
    public int httpStatus() {
        return httpStatus;
    }

    /** What the venue asked us to wait (Retry-After), or -1 when it did not say. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }

    /** True when an idempotent read may be sent again. */
    public boolean retryable() {
        return kind == Kind.TRANSPORT || kind == Kind.SERVER || kind == Kind.RATE_LIMITED;
    }

    /**
     * True when a write may have taken effect although no readable success answer came back (no answer, a server
     * error, or an answer that could not be parsed): resolve it by querying.
     */
    public boolean outcomeUnknown() {
        return kind == Kind.TRANSPORT || kind == Kind.SERVER || kind == Kind.MALFORMED;
    }

    /** True when the failure says the venue is unhealthy or unreachable (counts against the circuit breaker). */
    public boolean venueFailure() {
        return kind == Kind.TRANSPORT || kind == Kind.SERVER || kind == Kind.BANNED || kind == Kind.MALFORMED;
    }
}
