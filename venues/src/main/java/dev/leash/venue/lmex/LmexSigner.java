package dev.leash.venue.lmex;

import dev.leash.venue.http.Hmac;
import dev.leash.venue.http.RequestSigner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * LMEX request signing: {@code request-sign} = lowercase hex HMAC-SHA384(secret, urlPath + nonce + body), with
 * {@code request-api} = key and {@code request-nonce} = epoch ms. The query string is not signed; the body is the
 * exact JSON sent, or the empty string for GET and DELETE. {@code urlPath} is the request path with or without the
 * {@code /futures} prefix, as configured.
 */
final class LmexSigner implements RequestSigner {

    static final String ALGORITHM = "HmacSHA384";
    static final String FUTURES_PREFIX = "/futures";

    private final String apiKey;
    private final String secret;
    private final String pathPrefix;
    private final LongSupplier nonce;

    LmexSigner(String apiKey, String secret, boolean signPathIncludesFutures, LongSupplier nonce) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.pathPrefix = signPathIncludesFutures ? FUTURES_PREFIX : "";
        this.nonce = nonce;
    }

    @Override
    public Map<String, String> headers(String method, String path, String encodedQuery, String body) {
        String n = Long.toString(nonce.getAsLong());
        Map<String, String> h = new LinkedHashMap<>();
        h.put("request-api", apiKey);
        h.put("request-nonce", n);
        h.put("request-sign", sign(secret, pathPrefix + path + n + (body == null ? "" : body)));
        return h;
    }

    /** The signature of an already assembled payload. */
    static String sign(String secret, String payload) {
        return Hmac.hex(ALGORITHM, secret, payload);
    }

    @Override
    public String toString() {
        return "LmexSigner[pathPrefix=" + pathPrefix + ", secret=***]";
    }
}
