package dev.leash.venue.lmex;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpReply;
import dev.leash.venue.http.HttpVenueClient;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;
import dev.leash.venue.http.QueryString;
import dev.leash.venue.http.ReplyParser;
import dev.leash.venue.http.RequestSigner;

import java.util.List;
import java.util.Locale;

/**
 * LMEX v2.3 over the shared HTTP client: signing, rate-limit names, and error answers. An error answer is a JSON
 * object with {@code errorCode} (or a numeric {@code status} of 400 or more) whatever the HTTP status: it becomes an
 * {@link LmexException}, transient (5xx, 429) or a refusal. Thread-safe.
 */
final class LmexApi {

    /** Jackson reads numbers as BigDecimal so that sizes and prices keep their decimal digits. */
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final String PREFIX = "/api/v2.3";
    /** Rate-limit names: queries (15/s per endpoint, published) and order writes (75/s). */
    static final String QUERY = "query";
    static final String ORDERS = "orders";

    private final HttpVenueClient http;
    private final LmexConfig config;
    private final RequestSigner signer;

    LmexApi(HttpVenueClient http, LmexConfig config) {
        this.http = http;
        this.config = config;
        this.signer = new LmexSigner(config.apiKey(), config.apiSecret(), config.signPathIncludesFutures(),
                this::now);
    }

    long now() {
        return config.clock().millis();
    }

    /** A public GET of {@code /api/v2.3/<endpoint>}, retried on transient failures. */
    JsonNode publicGet(String endpoint, QueryString q) throws VenueException {
        String path = PREFIX + endpoint;
        return http.read(path, q.encoded(), RequestSigner.NONE, List.of(QUERY), parser("GET", path));
    }

    /** A signed GET, retried on transient failures. */
    JsonNode privateGet(String endpoint, QueryString q) throws VenueException {
        String path = PREFIX + endpoint;
        return http.read(path, q.encoded(), signer, List.of(QUERY), parser("GET", path));
    }

    /** A signed write sent exactly once: {@code body} as given (empty for DELETE), {@code q} in the URL. */
    JsonNode write(String method, String endpoint, QueryString q, String body) throws VenueException {
        String path = PREFIX + endpoint;
        return http.write(method, path, q.encoded(), body, signer, List.of(ORDERS), parser(method, path));
    }

    private ReplyParser<JsonNode> parser(String method, String path) {
        return reply -> parse("lmex " + method + " " + path, reply);
    }

    private JsonNode parse(String what, HttpReply reply) throws HttpVenueException {
        JsonNode root;
        try {
            root = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new HttpVenueException(Kind.MALFORMED, reply.status(), -1, what + ": the answer is not JSON ("
                    + e.getOriginalMessage() + ")", null);
        }
        if (root == null || root.isMissingNode()) {
            throw new HttpVenueException(Kind.MALFORMED, what + ": the answer is empty");
        }
        if (isError(root)) {
            int status = root.path("status").asInt(0);
            int code = root.path("errorCode").asInt(0);
            String msg = redact(root.path("message").asText(""));
            throw new LmexException(kind(status), reply.status(), status, code, what + ": LMEX error (status "
                    + status + ", errorCode " + code + "): " + msg);
        }
        return root;
    }

    /** An error object: has {@code errorCode}, or a numeric {@code status} of 400 or more. */
    static boolean isError(JsonNode root) {
        return root.isObject() && (root.has("errorCode") || root.path("status").asInt(0) >= 400);
    }

    private static Kind kind(int status) {
        if (status == 429) {
            return Kind.RATE_LIMITED;
        }
        return status >= 500 ? Kind.SERVER : Kind.REFUSED;
    }

    /** True when LMEX says the order does not exist (HTTP 400 "Order doesn't exist", or "not found"). */
    static boolean orderNotFound(HttpVenueException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return e.kind() == Kind.REFUSED && (m.contains("doesn't exist") || m.contains("does not exist")
                || m.contains("not found"));
    }

    /** Keep the key and the secret out of messages, should LMEX ever echo them. */
    String redact(String msg) {
        return msg.replace(config.apiSecret(), "***").replace(config.apiKey(), config.redactedKey());
    }
}
