package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.app.Gateway;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.mcp.McpConfig;
import dev.leash.params.AuditEntry;
import dev.leash.params.ParamStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** A real gateway in this JVM: simulated venue at {@value #SPEED}x, a temporary data directory, a free port. */
public final class LiveGateway implements AutoCloseable {

    /** The operator's gateway token; the MCP server never gets it. */
    public static final String OPERATOR_TOKEN = "mcp-it-gateway-token-0123456789";
    /** The model token the MCP server is configured with. */
    public static final String TOKEN = "mcp-it-model-token-0123456789";
    /** At 600x a 5-minute bar closes every half second. */
    public static final double SPEED = 600;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Gateway gateway;
    private final Path dataDir;

    private LiveGateway(Gateway gateway, Path dataDir) {
        this.gateway = gateway;
        this.dataDir = dataDir;
    }

    /** Starts a gateway with default configuration on {@code dataDir}, port 0, at {@value #SPEED}x. */
    public static LiveGateway start(Path dataDir) throws Exception {
        Map<String, String> env = Map.of("LEASH_GATEWAY_TOKEN", OPERATOR_TOKEN, "LEASH_MODEL_TOKEN", TOKEN);
        GatewayConfig config = ConfigLoader.load(null, env, new ConfigLoader.Overrides(dataDir, 0, SPEED));
        return new LiveGateway(Gateway.start(config, env, Clock.systemUTC()), dataDir);
    }

    /**
     * Starts a gateway whose simulated trading time moves only when {@code clock} is advanced ({@link #advanceTo}),
     * with the wall clock standing still at {@code wall}: two starts with the same arguments trade identically. The
     * middle loop makes its first pass before this returns and the next only an hour later, so it never races the
     * steps a test makes.
     */
    public static LiveGateway startManual(Path dataDir, Instant wall, ManualTradingClock clock) throws Exception {
        return startManual(dataDir, wall, clock, "");
    }

    /** As {@link #startManual(Path, Instant, ManualTradingClock)} with {@code extraYaml} appended to the config. */
    public static LiveGateway startManual(Path dataDir, Instant wall, ManualTradingClock clock, String extraYaml)
            throws Exception {
        Files.createDirectories(dataDir);
        Path configFile = Files.writeString(dataDir.resolve("gateway-test.yaml"), "loops:\n  middle_seconds: 3600\n"
                + extraYaml, StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("LEASH_GATEWAY_TOKEN", OPERATOR_TOKEN, "LEASH_MODEL_TOKEN", TOKEN);
        GatewayConfig config = ConfigLoader.load(configFile, env, new ConfigLoader.Overrides(dataDir, 0, SPEED));
        Gateway g = Gateway.start(config, env, Clock.fixed(wall, ZoneOffset.UTC), clock);
        try {
            await("the middle loop's first pass", Duration.ofSeconds(60), () -> g.middle().lastCompletedWallMillis(),
                    t -> t != 0);
        } catch (RuntimeException | AssertionError e) {
            g.close();
            throw e;
        }
        return new LiveGateway(g, dataDir);
    }

    /** Moves {@code clock} to {@code tradingTime} (a multiple of the step); returns once the inner loop is there. */
    public void advanceTo(ManualTradingClock clock, long tradingTime) {
        clock.advanceTo(tradingTime);
        await("the inner loop steps to " + tradingTime, Duration.ofSeconds(60), gateway::tradingTime,
                t -> t >= tradingTime);
        if (gateway.tradingTime() != tradingTime) {
            throw new AssertionError("stepped past " + tradingTime + " to " + gateway.tradingTime());
        }
    }

    /** The running gateway, to read its venue and journal directly. */
    public Gateway gateway() {
        return gateway;
    }

    public String url() {
        return gateway.baseUrl();
    }

    public Map<String, String> mcpEnv(Path mcpDataDir) {
        return Map.of("LEASH_GATEWAY_URL", url(), "LEASH_MODEL_TOKEN", TOKEN,
                "LEASH_MCP_DATA_DIR", mcpDataDir.toString());
    }

    /** An MCP server configuration against this gateway: 127.0.0.1, port 0, token from {@code mcpDataDir}. */
    public McpConfig mcpConfig(McpConfig.Transport transport, Path mcpDataDir) {
        return new McpConfig(transport, "127.0.0.1", 0, URI.create(url()), TOKEN, null, mcpDataDir, List.of(),
                McpConfig.DEFAULT_CONNECT_TIMEOUT, McpConfig.DEFAULT_READ_TIMEOUT, McpConfig.DEFAULT_CACHE_TTL);
    }

    /** {@code GET path} on the gateway's API, straight (not through MCP). */
    public JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + pathAndQuery))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("GET " + pathAndQuery + ": " + r.statusCode() + " " + r.body());
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The parameter store's audit journal, read from disk. */
    public List<AuditEntry> audit() {
        try {
            return ParamStore.readAudit(dataDir).entries();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code probe} every 50 ms until {@code done} holds, or fails after {@code timeout}. */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; last: " + last);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            last = probe.get();
        }
        return last;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
