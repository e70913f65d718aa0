package dev.leash.gateway.app;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.params.ParamStore;

import dev.leash.testsupport.Eventually;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real {@link Gateway} for tests: simulated venue at high speed on a temporary data directory, a free port, a
 * fixed token, no scheduled baseline reset; and an HTTP client for its API.
 */
public final class RunningGateway implements AutoCloseable {

    /** The operator's (gateway) token every test gateway accepts. */
    public static final String TOKEN = "api-tests-token-0123456789abcdef";
    /** The model's token every test gateway accepts. */
    public static final String MODEL_TOKEN = "api-tests-model-token-0123456789";
    /** Trading hours per wall-clock second at this speed: 1200 x means a 5-minute bar closes every 0.25 s. */
    public static final double SPEED = 1200;
    /** What the tests call themselves in {@code X-Leash-Client}. */
    public static final String CLIENT = "api-tests";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Gateway gateway;
    private final Path dataDir;
    private final HttpClient http;

    private RunningGateway(Gateway gateway, Path dataDir) {
        this.gateway = gateway;
        this.dataDir = dataDir;
        this.http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();
    }

    /** Starts a gateway on {@code dataDir} with the test defaults. */
    public static RunningGateway start(Path dataDir) throws Exception {
        return start(dataDir, "");
    }

    /**
     * Starts a gateway on {@code dataDir}; {@code extraYaml} is appended to the test configuration file (top-level
     * keys other than {@code baseline_reset}).
     */
    public static RunningGateway start(Path dataDir, String extraYaml) throws Exception {
        return start(dataDir, extraYaml, SPEED);
    }

    /** As {@link #start(Path, String)} at another simulated speed (1 is real time). */
    public static RunningGateway start(Path dataDir, String extraYaml, double speed) throws Exception {
        return start(dataDir, extraYaml, speed, Clock.systemUTC());
    }

    /** As {@link #start(Path, String, double)} on another wall clock (a test clock stops simulated time). */
    public static RunningGateway start(Path dataDir, String extraYaml, double speed, Clock wall) throws Exception {
        return start(dataDir, extraYaml, speed, wall, Map.of());
    }

    /** As {@link #start(Path, String, double, Clock)} with {@code extraEnv} added to the environment. */
    public static RunningGateway start(Path dataDir, String extraYaml, double speed, Clock wall,
                                       Map<String, String> extraEnv) throws Exception {
        Files.createDirectories(dataDir);
        Path configFile = dataDir.resolve("gateway-test.yaml");
        Files.writeString(configFile, "baseline_reset:\n  schedule: \"off\"\n" + extraYaml, StandardCharsets.UTF_8);
        Map<String, String> env = new LinkedHashMap<>(extraEnv);
        env.put("LEASH_GATEWAY_TOKEN", TOKEN);
        env.put("LEASH_MODEL_TOKEN", MODEL_TOKEN);
        GatewayConfig config = ConfigLoader.load(configFile, env, new ConfigLoader.Overrides(dataDir, 0, speed));
        return new RunningGateway(Gateway.start(config, env, wall), dataDir);
    }

    /**
     * Starts a gateway whose simulated trading time moves only when {@code clock} is advanced ({@link #advanceTo}),
     * on a wall clock that stands still at {@code wall}: two starts with the same arguments trade identically. The
     * middle loop makes its first pass before this returns and the next only an hour later, so it never races the
     * steps a test makes.
     */
    public static RunningGateway startManual(Path dataDir, Instant wall, ManualTradingClock clock) throws Exception {
        return startManual(dataDir, wall, clock, "");
    }

    /** As {@link #startManual(Path, Instant, ManualTradingClock)} with {@code extraYaml} appended to the config. */
    public static RunningGateway startManual(Path dataDir, Instant wall, ManualTradingClock clock, String extraYaml)
            throws Exception {
        Files.createDirectories(dataDir);
        Path configFile = dataDir.resolve("gateway-test.yaml");
        Files.writeString(configFile, "baseline_reset:\n  schedule: \"off\"\nloops:\n  middle_seconds: 3600\n"
                + extraYaml, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("LEASH_GATEWAY_TOKEN", TOKEN, "LEASH_MODEL_TOKEN", MODEL_TOKEN);
        GatewayConfig config = ConfigLoader.load(configFile, env, new ConfigLoader.Overrides(dataDir, 0, SPEED));
        Gateway g = Gateway.start(config, env, new MutableClock(wall), clock);
        try {
            Eventually.await("the middle loop's first pass", Duration.ofSeconds(STEP_WAIT_SECONDS),
                    () -> g.middle().lastCompletedWallMillis(), t -> t != 0);
        } catch (RuntimeException | AssertionError e) {
            g.close();
            throw e;
        }
        return new RunningGateway(g, dataDir);
    }

    /**
     * Moves {@code clock} to {@code tradingTime} (a multiple of the step) and returns once the inner loop has stepped
     * exactly to it (at most {@value #STEP_WAIT_SECONDS} s, else the test fails).
     */
    public void advanceTo(ManualTradingClock clock, long tradingTime) {
        clock.advanceTo(tradingTime);
        Eventually.await("the inner loop steps to " + Instant.ofEpochMilli(tradingTime),
                Duration.ofSeconds(STEP_WAIT_SECONDS), gateway::tradingTime, t -> t >= tradingTime);
        if (gateway.tradingTime() != tradingTime) {
            throw new AssertionError("stepped past " + tradingTime + " to " + gateway.tradingTime());
        }
    }

    private static final int STEP_WAIT_SECONDS = 60;

    public Gateway gateway() {
        return gateway;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path paramsFile() {
        return dataDir.resolve(ParamStore.PARAMS_FILE);
    }

    /** {@code GET path} without a token. */
    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    /** A write with the right token and {@code X-Leash-Client: api-tests}. */
    public Response write(String method, String path, String body) {
        return send(method, path, body, authorized());
    }

    /** A write with the model's token and {@code X-Leash-Client: api-tests}. */
    public Response modelWrite(String method, String path, String body) {
        return send(method, path, body, authorized(MODEL_TOKEN));
    }

    /** The headers of an authorized write by the operator. */
    public static Map<String, String> authorized() {
        return authorized(TOKEN);
    }

    /** The headers of a write authorized by {@code token}. */
    public static Map<String, String> authorized(String token) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Authorization", "Bearer " + token);
        h.put("X-Leash-Client", CLIENT);
        h.put("Content-Type", "application/json");
        return h;
    }

    /** Any request; {@code body} null sends none. */
    public Response send(String method, String pathAndQuery, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + pathAndQuery))
                .timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method + " " + pathAndQuery, e);
        }
    }

    /**
     * {@code GET target} written byte for byte on a socket, for request targets {@link URI} refuses (malformed
     * percent-encoding).
     */
    public Response rawGet(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.port())) {
            socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
            String request = "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = raw.indexOf("\r\n\r\n");
            String[] head = raw.substring(0, split).split("\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.computeIfAbsent(head[i].substring(0, colon).trim(), k -> new ArrayList<>())
                        .add(head[i].substring(colon + 1).trim());
            }
            int status = Integer.parseInt(head[0].split(" ")[1]);
            return new Response(status, HttpHeaders.of(headers, (k, v) -> true), raw.substring(split + 4));
        }
    }

    /** Stops the gateway; idempotent. */
    @Override
    public void close() {
        gateway.close();
    }

    /** An HTTP answer. */
    public record Response(int status, HttpHeaders headers, String body) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The body as JSON; fails the test when it is not (duplicate keys included). */
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + e.getMessage() + "): " + body, e);
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
        }
    }
}
