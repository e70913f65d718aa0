package dev.leash.venue.bybit;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bybit V5 over the shared HTTP client: signing, the response envelope, retCode errors, pagination, and the
 * server-clock offset (on retCode 10002 the server time is fetched, the offset stored, and the call sent once
 * more). Thread-safe.
 */
final class BybitApi {

    private static final Logger LOG = LoggerFactory.getLogger(BybitApi.class);
    static final ObjectMapper JSON = new ObjectMapper();

    /** Rate-limit names: the IP limit every request takes, order writes, and private reads. */
    static final String IP = "ip";
    static final String ORDERS = "orders";
    static final String PRIVATE = "private";
    private static final int MAX_PAGES = 200;

    private final HttpVenueClient http;
    private final BybitConfig config;
    private final AtomicLong offset = new AtomicLong();
    private final RequestSigner signer;

    BybitApi(HttpVenueClient http, BybitConfig config) {
        this.http = http;
        this.config = config;
        this.signer = new BybitSigner(config.apiKey(), config.apiSecret(), config.recvWindowMillis(), this::now);
    }

    /** Local time corrected by the last measured server-clock offset, epoch ms. */
    long now() {
        return config.clock().millis() + offset.get();
    }

    long offsetMillis() {
        return offset.get();
    }

    /** A public GET; returns the whole envelope (use {@code result} and {@code time}). */
    JsonNode publicGet(String path, QueryString q) throws VenueException {
        return http.read(path, q.encoded(), RequestSigner.NONE, List.of(IP), parser("GET", path));
    }

    /** A signed GET, retried on transient failures; one more try after a clock resync on 10002. */
    JsonNode privateGet(String path, QueryString q) throws VenueException {
        requireCredentials(path);
        try {
            return http.read(path, q.encoded(), signer, List.of(IP, PRIVATE), parser("GET", path));
        } catch (BybitException e) {
            if (e.retCode() != BybitErrors.TIMESTAMP_WINDOW) {
                throw e;
            }
            syncClock();
            return http.read(path, q.encoded(), signer, List.of(IP, PRIVATE), parser("GET", path));
        }
    }

    /**
     * A signed POST of {@code body} exactly as given, sent once; after a 10002 (refused before it took effect)
     * the clock is resynchronised and it is sent once more.
     */
    JsonNode post(String path, String body) throws VenueException {
        requireCredentials(path);
        try {
            return http.write("POST", path, body, signer, List.of(IP, ORDERS), parser("POST", path));
        } catch (BybitException e) {
            if (e.retCode() != BybitErrors.TIMESTAMP_WINDOW) {
                throw e;
            }
            syncClock();
            return http.write("POST", path, body, signer, List.of(IP, ORDERS), parser("POST", path));
        }
    }

    private void requireCredentials(String path) throws VenueException {
        if (!config.hasCredentials()) {
            throw new VenueException("bybit " + path + " is private, but this venue was opened for public market"
                    + " data only; set LEASH_BYBIT_API_KEY and LEASH_BYBIT_API_SECRET");
        }
    }

    /** Every {@code result.list} item across pages, following {@code nextPageCursor} (sent as it came). */
    List<JsonNode> pages(String path, QueryString q, boolean signed) throws VenueException {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            QueryString pq = q.copy().addEncoded("cursor", cursor);
            JsonNode result = (signed ? privateGet(path, pq) : publicGet(path, pq)).path("result");
            JsonNode list = result.path("list");
            list.forEach(out::add);
            String next = result.path("nextPageCursor").asText("");
            if (list.isEmpty() || next.isEmpty() || next.equals(cursor)) {
                return out;
            }
            cursor = next;
        }
        throw new HttpVenueException(Kind.MALFORMED, "bybit GET " + path + ": more than " + MAX_PAGES + " pages");
    }

    /** Measures the server clock (GET /v5/market/time) and stores the offset. */
    void syncClock() throws VenueException {
        long before = config.clock().millis();
        JsonNode root = publicGet("/v5/market/time", new QueryString());
        long after = config.clock().millis();
        JsonNode r = root.path("result");
        long server;
        if (r.hasNonNull("timeNano") && !r.path("timeNano").asText().isEmpty()) {
            server = Long.parseLong(r.path("timeNano").asText()) / 1_000_000L;
        } else if (r.hasNonNull("timeSecond")) {
            server = Long.parseLong(r.path("timeSecond").asText()) * 1000L;
        } else {
            server = root.path("time").asLong();
        }
        long o = server - (before + after) / 2;
        offset.set(o);
        LOG.warn("bybit: request timestamp was outside the receive window; server clock offset is now {} ms", o);
    }

    private ReplyParser<JsonNode> parser(String method, String path) {
        return reply -> envelope(method, path, reply);
    }

    private JsonNode envelope(String method, String path, HttpReply reply) throws HttpVenueException {
        String what = "bybit " + method + " " + path;
        JsonNode root;
        try {
            root = JSON.readTree(reply.body());
        } catch (JsonProcessingException e) {
            throw new HttpVenueException(Kind.MALFORMED, reply.status(), -1, what + ": the answer is not JSON ("
                    + e.getOriginalMessage() + ")", null);
        }
        if (root == null || !root.isObject() || !root.path("retCode").isNumber()) {
            throw new HttpVenueException(Kind.MALFORMED, what + ": the answer has no numeric retCode");
        }
        int code = root.path("retCode").asInt();
        if (code != 0) {
            String msg = redact(root.path("retMsg").asText(""));
            throw new BybitException(BybitErrors.kind(code), code, what + ": retCode " + code + " ("
                    + BybitErrors.meaning(code) + "): " + msg);
        }
        return root;
    }

    /** Bybit echoes the signed payload in some errors: keep the key and the secret out of messages. */
    private String redact(String msg) {
        return msg.replace(config.apiSecret(), "***").replace(config.apiKey(), config.redactedKey());
    }
}
