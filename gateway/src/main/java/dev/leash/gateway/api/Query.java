package dev.leash.gateway.api;

import io.javalin.http.Context;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Strict query-parameter parsing: unknown parameters, bad numbers and unknown symbols are 400s that say why. */
final class Query {

    private final Context ctx;

    private Query(Context ctx) {
        this.ctx = ctx;
    }

    /** Checks that the request has no query parameter outside {@code allowed}. */
    static Query of(Context ctx, String... allowed) {
        checkEncoding(ctx.queryString());
        Set<String> ok = Set.of(allowed);
        for (String name : ctx.queryParamMap().keySet()) {
            if (!ok.contains(name)) {
                throw ApiException.badRequest("unknown query parameter '" + abbreviate(name) + "'"
                        + (ok.isEmpty() ? "; this endpoint takes none" : "; allowed: " + new java.util.TreeSet<>(ok)));
            }
        }
        return new Query(ctx);
    }

    /** Javalin drops a parameter it cannot decode; refuse the request instead of ignoring part of it. */
    private static void checkEncoding(String queryString) {
        if (queryString == null) {
            return;
        }
        for (String part : queryString.split("&")) {
            try {
                URLDecoder.decode(part, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("query parameter '" + abbreviate(part)
                        + "' is not valid percent-encoding");
            }
        }
    }

    int limit(int dflt, int max) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > max) {
                throw ApiException.badRequest("limit must be between 1 and " + max + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be an integer, got '" + abbreviate(v) + "'");
        }
    }

    /** {@code since} as epoch milliseconds or ISO-8601 UTC; {@code dflt} when absent. */
    long since(long dflt) {
        String v = ctx.queryParam("since");
        if (v == null || v.isBlank()) {
            return dflt;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            try {
                return Instant.parse(v.trim()).toEpochMilli();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest("since must be epoch milliseconds or an ISO-8601 UTC time such as "
                        + "2026-01-01T00:00:00Z, got '" + abbreviate(v) + "'");
            }
        }
    }

    /** One symbol from {@code name}, checked against {@code known}; null when absent. */
    String symbol(String name, List<String> known) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return null;
        }
        String s = v.trim();
        if (!known.contains(s)) {
            throw ApiException.badRequest("unknown symbol '" + abbreviate(s) + "'; this gateway trades " + known);
        }
        return s;
    }

    /** A comma-separated symbol list, each checked; all of {@code known} when absent. */
    List<String> symbols(String name, List<String> known) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return known;
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            if (!known.contains(s)) {
                throw ApiException.badRequest("unknown symbol '" + abbreviate(s) + "'; this gateway trades " + known);
            }
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        if (out.isEmpty()) {
            throw ApiException.badRequest(name + " lists no symbol");
        }
        return out;
    }

    String oneOf(String name, String dflt, List<String> allowed) {
        String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return dflt;
        }
        if (!allowed.contains(v.trim())) {
            throw ApiException.badRequest(name + " must be one of " + allowed + ", got '" + abbreviate(v) + "'");
        }
        return v.trim();
    }

    static String abbreviate(String s) {
        return dev.leash.params.ParamsJson.abbreviate(s);
    }
}
