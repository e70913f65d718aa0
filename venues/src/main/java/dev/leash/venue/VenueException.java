package dev.leash.venue;

import java.io.IOException;

/** A venue call failed: transport, protocol, or an error answer. Messages never contain credentials. */
public class VenueException extends IOException {

    private static final long serialVersionUID = 1L;

    public VenueException(String message) {
        super(message);
    }

    public VenueException(String message, Throwable cause) {
        super(message, cause);
    }
}
