package dev.leash.venue.bybit;

import dev.leash.venue.http.HttpVenueException;

/** Bybit answered {@code retCode != 0}; the message names the code, what to check, and Bybit's retMsg. */
public final class BybitException extends HttpVenueException {

    private static final long serialVersionUID = 1L;

    private final int retCode;

    BybitException(Kind kind, int retCode, String message) {
        super(kind, 200, -1, message, null);
        this.retCode = retCode;
    }

    public int retCode() {
        return retCode;
    }
}
