package dev.leash.venue.http;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP {@code Retry-After} header: delta seconds or an HTTP date. */
final class RetryAfter {

    private RetryAfter() {
    }

    /** Milliseconds to wait, or -1 when the header is absent or unreadable. */
    static long millis(String header, Clock clock) {
        if (header == null || header.isBlank()) {
            return -1;
        }
        String h = header.trim();
        try {
            return Math.max(0, Long.parseLong(h) * 1000);
        } catch (NumberFormatException notSeconds) {
            try {
                long at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
                return Math.max(0, at - clock.millis());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }
}
