package dev.leash.venue.bybit;

import dev.leash.venue.http.Hmac;
import dev.leash.venue.http.RequestSigner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Bybit V5 request signing: {@code X-BAPI-SIGN} = lowercase hex HMAC-SHA256(secret, timestamp + apiKey +
 * recvWindow + (query string for GET | exact JSON body for POST)).
 */
final class BybitSigner implements RequestSigner {

    static final String ALGORITHM = "HmacSHA256";

    private final String apiKey;
    private final String secret;
    private final long recvWindow;
    private final LongSupplier timestamp;

    BybitSigner(String apiKey, String secret, long recvWindow, LongSupplier timestamp) {
        this.apiKey = apiKey;
        this.secret = secret;
        this.recvWindow = recvWindow;
        this.timestamp = timestamp;
    }

    @Override
    public Map<String, String> headers(String method, String path, String encodedQuery, String body) {
        long ts = timestamp.getAsLong();
        String payload = ts + apiKey + recvWindow + ("GET".equals(method) ? encodedQuery : body);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-BAPI-API-KEY", apiKey);
        h.put("X-BAPI-TIMESTAMP", Long.toString(ts));
        h.put("X-BAPI-RECV-WINDOW", Long.toString(recvWindow));
        h.put("X-BAPI-SIGN", sign(secret, payload));
        return h;
    }

    /** The signature of an already assembled payload. */
    static String sign(String secret, String payload) {
        return Hmac.hex(ALGORITHM, secret, payload);
    }

    @Override
    public String toString() {
        return "BybitSigner[recvWindow=" + recvWindow + ", secret=***]";
    }
}
