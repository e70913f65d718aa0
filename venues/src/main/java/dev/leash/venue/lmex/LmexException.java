package dev.leash.venue.lmex;

import dev.leash.venue.http.HttpVenueException;

/**
 * LMEX answered with an error JSON ({@code {"status":400,"errorCode":-2,"message":"..."}}), possibly inside an
 * HTTP 200; {@link #venueStatus()} is the {@code status} in that body, {@link #errorCode()} its {@code errorCode}.
 */
public final class LmexException extends HttpVenueException {

    private static final long serialVersionUID = 1L;

    private final int venueStatus;
    private final int errorCode;

    LmexException(Kind kind, int httpStatus, int venueStatus, int errorCode, String message) {
        super(kind, httpStatus, -1, message, null);
        this.venueStatus = venueStatus;
        this.errorCode = errorCode;
    }

    public int venueStatus() {
        return venueStatus;
    }

    public int errorCode() {
        return errorCode;
    }
}
