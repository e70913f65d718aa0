package dev.leash.gateway.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A span of time written as a count and a unit ({@code 30s}, {@code 5m}, {@code 24h}, {@code 7d}), in ms. */
final class Span {

    private static final Pattern FORM = Pattern.compile("([1-9][0-9]{0,5})([smhd])");

    private Span() {
    }

    /** The span {@code text} names, in milliseconds; a 400 naming {@code name} when it is not one. */
    static long parse(String name, String text) {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw ApiException.badRequest(name + " must be a whole number and a unit s, m, h or d (e.g. 5m, 24h, 7d),"
                    + " got '" + Query.abbreviate(text) + "'");
        }
        long unit = switch (m.group(2)) {
            case "s" -> 1_000L;
            case "m" -> 60_000L;
            case "h" -> 3_600_000L;
            default -> 86_400_000L;
        };
        return Long.parseLong(m.group(1)) * unit;
    }
}
