package dev.leash.venue.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A query string built in order. {@link #add} percent-encodes the value; {@link #addEncoded} takes a value the
 * venue gave already encoded (e.g. a pagination cursor) and sends it as it is, never encoding it twice.
 */
public final class QueryString {

    private final List<String> parts = new ArrayList<>();

    public QueryString add(String name, Object value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return this;
    }

    public QueryString addEncoded(String name, String encodedValue) {
        if (encodedValue != null && !encodedValue.isEmpty()) {
            parts.add(name + "=" + encodedValue);
        }
        return this;
    }

    public QueryString copy() {
        QueryString q = new QueryString();
        q.parts.addAll(parts);
        return q;
    }

    /** The encoded query without {@code ?}. */
    public String encoded() {
        return String.join("&", parts);
    }

    @Override
    public String toString() {
        return encoded();
    }
}
