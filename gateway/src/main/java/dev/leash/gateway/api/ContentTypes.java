package dev.leash.gateway.api;

import io.javalin.http.Context;

import java.util.Locale;

/**
 * The media types a write body may declare: JSON ({@code application/json}, {@code application/*+json}), none, or
 * curl's default for {@code -d} ({@code application/x-www-form-urlencoded}, still parsed as JSON). Anything else is
 * refused with 415 before the body is read.
 */
final class ContentTypes {

    private ContentTypes() {
    }

    static void requireJson(Context ctx) {
        String header = ctx.header("Content-Type");
        if (header != null && !acceptable(header)) {
            throw new ApiException(415, "Unsupported Media Type", "Content-Type must be application/json, got '"
                    + Query.abbreviate(header.replaceAll("[^\\x20-\\x7e]", "?")) + "'");
        }
    }

    static boolean acceptable(String header) {
        String type = header.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() || type.equals("application/json") || type.equals("application/x-www-form-urlencoded")
                || type.startsWith("application/") && type.endsWith("+json");
    }
}
