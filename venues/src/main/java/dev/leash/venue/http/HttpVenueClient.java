package dev.leash.venue.http;

import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException.Kind;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A venue's HTTP client: OkHttp with the venue's rate limits, read retries, one circuit breaker and an IP-ban
 * window. Reads ({@link #read}) are retried on transient failures; writes ({@link #write}) are sent once, never
 * retried: the caller resolves an unknown outcome ({@link HttpVenueException#outcomeUnknown()}) by querying.
 *
 * <p>Thread-safe. The signer is called per attempt, so every attempt carries a fresh timestamp, and it signs the
 * query exactly as OkHttp sends it.
 */
public final class HttpVenueClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    private static final int SNIPPET = 200;

    private final String baseUrl;
    private final HttpVenueSettings settings;
    private final OkHttpClient http;
    private final RateLimits limits;
    private final CircuitBreaker breaker;
    private final Retry retry;
    private final VenueHealth.Listener listener;
    private final AtomicLong bannedUntil = new AtomicLong();
    private volatile String lastFailure;

    private HttpVenueClient(String baseUrl, HttpVenueSettings settings, VenueHealth.Listener listener) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.settings = settings;
        this.listener = listener;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .retryOnConnectionFailure(false) // OkHttp must never re-send a write on its own
                .build();
        this.limits = new RateLimits(settings.limits());
        this.breaker = Resilience.breaker(settings);
        this.retry = Resilience.readRetry(settings);
        breaker.getEventPublisher().onStateTransition(e -> listener.onChange(health()));
    }

    /** A client for the venue at {@code baseUrl}; {@code listener} hears breaker transitions and bans. */
    public static HttpVenueClient create(String baseUrl, HttpVenueSettings settings, VenueHealth.Listener listener) {
        if (HttpUrl.parse(baseUrl) == null) {
            throw new IllegalArgumentException("not an http(s) base URL: " + baseUrl);
        }
        return new HttpVenueClient(baseUrl, settings, listener == null ? h -> { } : listener);
    }

    /** An idempotent GET, retried with backoff on transport failures, 5xx and 429. */
    public <T> T read(String path, String encodedQuery, RequestSigner signer, List<String> limitNames,
                      ReplyParser<T> parser) throws VenueException {
        return guarded(() -> retry.executeCheckedSupplier(
                () -> attempt("GET", path, encodedQuery, "", signer, limitNames, parser)));
    }

    /** A write (e.g. POST), sent exactly once. */
    public <T> T write(String method, String path, String body, RequestSigner signer, List<String> limitNames,
                       ReplyParser<T> parser) throws VenueException {
        return write(method, path, "", body, signer, limitNames, parser);
    }

    /**
     * A write whose parameters travel in the query (e.g. {@code DELETE /order?symbol=..&id=..}), sent exactly once;
     * {@code encodedQuery} is sent as it is and handed to the signer exactly as sent.
     */
    public <T> T write(String method, String path, String encodedQuery, String body, RequestSigner signer,
                       List<String> limitNames, ReplyParser<T> parser) throws VenueException {
        return guarded(() -> attempt(method, path, encodedQuery, body, signer, limitNames, parser));
    }

    public VenueHealth health() {
        return new VenueHealth(settings.venue(), breaker.getState().name(), bannedUntil.get(), lastFailure);
    }

    private <T> T guarded(CheckedSupplier<T> call) throws VenueException {
        checkBan();
        try {
            return breaker.executeCheckedSupplier(call);
        } catch (CallNotPermittedException e) {
            throw new HttpVenueException(Kind.CIRCUIT_OPEN, 0, -1, settings.venue() + " circuit breaker is open after "
                    + settings.breakerFailures() + " consecutive failures (last: " + lastFailure
                    + "); calls fail fast for " + settings.breakerOpen().toSeconds() + " s", null);
        } catch (VenueException e) {
            throw e;
        } catch (Throwable e) {
            if (e instanceof Error err) {
                throw err;
            }
            throw new VenueException(settings.venue() + " call failed: " + e, e);
        }
    }

    private void checkBan() throws HttpVenueException {
        long until = bannedUntil.get();
        if (until > settings.clock().millis()) {
            throw new HttpVenueException(Kind.BANNED, 403, until - settings.clock().millis(), settings.venue()
                    + " banned this IP (HTTP 403, usually the IP request limit); nothing is sent until "
                    + Instant.ofEpochMilli(until), null);
        }
    }

    private <T> T attempt(String method, String path, String encodedQuery, String body, RequestSigner signer,
                          List<String> limitNames, ReplyParser<T> parser) throws VenueException {
        checkBan();
        String what = settings.venue() + " " + method + " " + path;
        limits.acquire(limitNames, what);
        HttpUrl url = url(path, encodedQuery);
        String sentQuery = url.encodedQuery() == null ? "" : url.encodedQuery();
        Request.Builder b = new Request.Builder().url(url);
        signer.headers(method, path, sentQuery, body).forEach(b::header);
        b.method(method, "GET".equals(method) ? null : RequestBody.create(body, JSON));
        try (Response r = http.newCall(b.build()).execute()) {
            ResponseBody rb = r.body();
            String text = rb == null ? "" : rb.string();
            if (!r.isSuccessful()) {
                throw statusFailure(what, r, text);
            }
            Map<String, String> headers = new HashMap<>();
            for (String name : r.headers().names()) {
                headers.put(name.toLowerCase(java.util.Locale.ROOT), r.header(name));
            }
            return parser.parse(new HttpReply(r.code(), text, headers));
        } catch (HttpVenueException e) {
            if (e.venueFailure()) {
                lastFailure = e.getMessage();
            }
            throw e;
        } catch (InterruptedIOException e) {
            throw transport(what, "no answer within the timeout", e);
        } catch (IOException e) {
            throw transport(what, "connection failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private HttpVenueException transport(String what, String why, IOException e) {
        lastFailure = what + ": " + why;
        return new HttpVenueException(Kind.TRANSPORT, 0, -1, what + ": " + why, e);
    }

    /** The URL exactly as sent: an already-encoded query is kept as it is (OkHttp does not encode it again). */
    public HttpUrl url(String path, String encodedQuery) {
        String s = baseUrl + path + (encodedQuery == null || encodedQuery.isEmpty() ? "" : "?" + encodedQuery);
        HttpUrl url = HttpUrl.parse(s);
        if (url == null) {
            throw new IllegalArgumentException("bad request URL for path " + path);
        }
        return url;
    }

    private HttpVenueException statusFailure(String what, Response r, String body) {
        int code = r.code();
        long retryAfter = RetryAfter.millis(r.header("Retry-After"), settings.clock());
        String snippet = body.length() > SNIPPET ? body.substring(0, SNIPPET) + "..." : body;
        if (code == 429) {
            return new HttpVenueException(Kind.RATE_LIMITED, code, retryAfter, what + ": HTTP 429 too many requests"
                    + (retryAfter >= 0 ? ", retry after " + retryAfter + " ms" : ""), null);
        }
        if (code == 403) {
            long ban = retryAfter > 0 ? retryAfter : settings.defaultBan().toMillis();
            long until = settings.clock().millis() + ban;
            bannedUntil.accumulateAndGet(until, Math::max);
            lastFailure = what + ": HTTP 403 (IP banned)";
            listener.onChange(health());
            return new HttpVenueException(Kind.BANNED, code, ban, what + ": HTTP 403, the venue banned this IP"
                    + " (usually for exceeding the IP request limit); nothing is sent until " + Instant.ofEpochMilli(until),
                    null);
        }
        if (code >= 500) {
            return new HttpVenueException(Kind.SERVER, code, retryAfter, what + ": HTTP " + code + " " + snippet, null);
        }
        String hint = code == 401 ? " (check the API key and that it belongs to this environment)" : "";
        return new HttpVenueException(Kind.REFUSED, code, -1, what + ": HTTP " + code + hint + " " + snippet, null);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
