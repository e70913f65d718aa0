package dev.leash.venue.http;

import java.util.Map;

/** A successful (2xx) HTTP answer: status, body, and the headers a venue adapter may need (rate-limit state). */
public record HttpReply(int status, String body, Map<String, String> headers) {

    public HttpReply {
        headers = Map.copyOf(headers);
    }
}
