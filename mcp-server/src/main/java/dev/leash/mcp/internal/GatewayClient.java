package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.leash.mcp.McpConfig;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.core.functions.CheckedSupplier;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The gateway's REST API over OkHttp: reads are retried with backoff (only when the connection failed or the
 * gateway answered 5xx) and funding/market reads are cached briefly; writes are sent exactly once. Both go through
 * one circuit breaker, so a dead gateway costs a fast, clear error rather than a wait.
 */
public final class GatewayClient {

    static final String CLIENT_HEADER = "X-Leash-Client";
    /** The most the gateway accepts in {@value #CLIENT_HEADER}. */
    static final int MAX_CLIENT_HEADER = 100;
    private static final MediaType JSON = MediaType.get("application/json");

    private final String base;
    private final HttpUrl baseUrl;
    private final String token;
    private final String name;
    private final OkHttpClient reads;
    private final OkHttpClient writes;
    private final HttpExchange exchange;
    private final Retry retry;
    private final CircuitBreaker breaker;
    private final Cache<String, GatewayReply> cache;
    /** The URLs of calls without query parameters: a handful of fixed paths, built once. */
    private final Map<String, HttpUrl> bareUrls = new ConcurrentHashMap<>();
    private final LongAdder readsSent = new LongAdder();
    private final LongAdder writesSent = new LongAdder();

    private GatewayClient(McpConfig config, String name) {
        this.name = name;
        this.base = config.gatewayBase();
        this.baseUrl = HttpUrl.get(base);
        this.token = config.gatewayToken();
        Duration call = config.connectTimeout().plus(config.readTimeout());
        this.reads = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .callTimeout(call)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
        // No pooled connections for writes: a stale keep-alive connection must not fail (or silently repeat) a write.
        this.writes = reads.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
        this.exchange = new HttpExchange(base, call);
        this.retry = Retry.of("gateway-reads", RetryConfig.<GatewayReply>custom()
                .maxAttempts(3)
                .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(100), 2.0))
                .retryOnException(e -> e instanceof GatewayException g && g.retryable())
                .retryOnResult(r -> r.status() >= 500)
                .failAfterMaxAttempts(false)
                .build());
        this.breaker = CircuitBreaker.of("gateway", CircuitBreakerConfig.custom()
                .slidingWindowSize(10)
                .minimumNumberOfCalls(5)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(5))
                .recordException(e -> e instanceof GatewayException)
                .recordResult(r -> r instanceof GatewayReply g && g.status() >= 500)
                .build());
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(256).build();
    }

    public static GatewayClient create(McpConfig config) {
        return new GatewayClient(config, null);
    }

    /** A client of the gateway named {@code name} in a fleet: its writes name it in {@value #CLIENT_HEADER}. */
    public static GatewayClient create(McpConfig config, String name) {
        return new GatewayClient(config, name);
    }

    /** The gateway's name in the fleet, or null for the one unnamed gateway. */
    public String name() {
        return name;
    }

    /** A GET, retried when the connection fails or the gateway answers 5xx. */
    public GatewayReply get(String path, Map<String, String> query) throws GatewayException {
        Request request = request(path, query).get().build();
        return guarded(Retry.decorateCheckedSupplier(retry,
                CircuitBreaker.decorateCheckedSupplier(breaker, () -> {
                    readsSent.increment();
                    return exchange.execute(reads, request);
                })));
    }

    /** A GET of slowly changing data (funding, market), answered from a short-lived cache when possible. */
    public GatewayReply getCached(String path, Map<String, String> query) throws GatewayException {
        String key = url(path, query).toString();
        GatewayReply hit = cache.getIfPresent(key);
        if (hit != null) {
            return hit;
        }
        GatewayReply r = get(path, query);
        if (r.ok()) {
            cache.put(key, r);
        }
        return r;
    }

    /** A write (PUT/POST), sent exactly once and never retried. */
    public GatewayReply send(String method, String path, JsonNode body, String client) throws GatewayException {
        Request.Builder b = request(path, Map.of()).method(method, RequestBody.create(Json.compact(body), JSON));
        if (client != null) {
            b.header(CLIENT_HEADER, clientHeader(client, name));
        }
        Request request = b.build();
        return guarded(CircuitBreaker.decorateCheckedSupplier(breaker, () -> {
            writesSent.increment();
            return exchange.execute(writes, request);
        }));
    }

    /**
     * The client's label, followed for a named gateway by " to gateway NAME" (the gateway's audit records it as the
     * author), the label shortened so the whole fits the gateway's limit.
     */
    static String clientHeader(String client, String gateway) {
        if (gateway == null) {
            return client;
        }
        String suffix = " to gateway " + gateway;
        int room = MAX_CLIENT_HEADER - suffix.length();
        return (client.length() > room ? client.substring(0, room).strip() : client) + suffix;
    }

    /** The text with the gateway token masked, for anything shown to a client. */
    public String redact(String text) {
        return token == null || text == null ? text : text.replace(token, "***");
    }

    /** GET requests sent so far, retries included. */
    public long reads() {
        return readsSent.sum();
    }

    /** Writes sent so far. */
    public long writes() {
        return writesSent.sum();
    }

    public String base() {
        return base;
    }

    private Request.Builder request(String path, Map<String, String> query) {
        Request.Builder b = new Request.Builder().url(url(path, query)).header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private HttpUrl url(String path, Map<String, String> query) {
        if (query.isEmpty()) {
            return bareUrls.computeIfAbsent(path, p -> build(p, query));
        }
        return build(path, query);
    }

    private HttpUrl build(String path, Map<String, String> query) {
        HttpUrl.Builder u = baseUrl.newBuilder().addPathSegments(path.startsWith("/") ? path.substring(1) : path);
        new TreeMap<>(query).forEach(u::addQueryParameter);
        return u.build();
    }

    private GatewayReply guarded(CheckedSupplier<GatewayReply> call) throws GatewayException {
        try {
            return call.get();
        } catch (GatewayException e) {
            throw e;
        } catch (CallNotPermittedException e) {
            throw new GatewayException("the gateway at " + base + " failed repeatedly; not calling it for a few "
                    + "seconds (circuit open)", false);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new GatewayException("the gateway call failed (" + e.getClass().getSimpleName() + ")", false);
        }
    }
}
