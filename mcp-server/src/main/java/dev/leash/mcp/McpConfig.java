package dev.leash.mcp;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The MCP server's configuration, validated once in {@code main}.
 *
 * @param transport        stdio (what Claude Desktop launches) or Streamable HTTP
 * @param host             HTTP bind address; {@value #DEFAULT_HOST} unless told otherwise
 * @param port             HTTP port, 0 picks a free one; {@value #DEFAULT_PORT} by default
 * @param gateway          the gateway's base URL; {@value #DEFAULT_GATEWAY} by default
 * @param gatewayToken     the model token presented to the gateway (never the operator's gateway token), null when
 *                         none is configured (writes then fail with 401)
 * @param mcpToken         the bearer token HTTP clients must present, null to use or create {@code mcp.token}
 * @param dataDir          where {@code mcp.token} lives, and {@code model.token} when the gateway shares it
 * @param allowedOrigins   browser origins allowed on HTTP (none by default: requests with an Origin are refused)
 * @param connectTimeout   gateway connect timeout
 * @param readTimeout      gateway read timeout, also the bound on a whole call
 * @param cacheTtl         how long funding and market reads are cached
 * @param snapshotMaxAge   the oldest a read answered from the local snapshot may be; zero turns the snapshot (and
 *                         the events stream it follows) off, so every read is a round trip
 * @param metricsPort      stdio only: a port for {@code /metrics} on {@code host} (0 = any free one), or -1 for none
 * @param fleet            the named gateways ({@code --gateway NAME=URL}), the first also in {@code gateway} and
 *                         {@code gatewayToken}; empty for the one unnamed gateway
 */
public record McpConfig(Transport transport, String host, int port, URI gateway, String gatewayToken,
                        String mcpToken, Path dataDir, List<String> allowedOrigins, Duration connectTimeout,
                        Duration readTimeout, Duration cacheTtl, Duration snapshotMaxAge, int metricsPort,
                        List<NamedGateway> fleet) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 7071;
    public static final String DEFAULT_GATEWAY = "http://127.0.0.1:7070";
    public static final String DEFAULT_DATA_DIR = "./leash-data";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(1);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(10);
    /** One inner-loop tick: marks move with no event, so an answer is never older than this. */
    public static final Duration DEFAULT_SNAPSHOT_MAX_AGE = Duration.ofSeconds(1);
    /** The most a snapshot answer may be allowed to age. */
    public static final Duration MAX_SNAPSHOT_MAX_AGE = Duration.ofSeconds(60);
    /** No stdio metrics port. */
    public static final int NO_METRICS_PORT = -1;
    /** The shortest token accepted from the environment. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** How MCP messages travel. */
    public enum Transport { STDIO, HTTP }

    public McpConfig {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(dataDir, "dataDir");
        allowedOrigins = List.copyOf(allowedOrigins);
        fleet = List.copyOf(fleet);
        java.util.Set<String> names = new java.util.HashSet<>();
        for (NamedGateway g : fleet) {
            if (g.name() == null || !names.add(g.name())) {
                throw new ConfigException("--gateway: every gateway of a fleet needs a name of its own, got "
                        + (g.name() == null ? "one without a name" : "'" + g.name() + "' twice"));
            }
        }
        if (host == null || host.isBlank()) {
            throw new ConfigException("--host must not be empty");
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException("--port must be between 0 and 65535, got " + port);
        }
        if (gateway == null || !("http".equals(gateway.getScheme()) || "https".equals(gateway.getScheme()))
                || gateway.getHost() == null) {
            throw new ConfigException("the gateway URL must be http(s)://host[:port], got '" + gateway + "'");
        }
        if (gatewayToken != null && (gatewayToken.isBlank() || !printable(gatewayToken))) {
            throw new ConfigException("the model token is empty or holds non-printable characters");
        }
        if (mcpToken != null && (mcpToken.length() < MIN_TOKEN_LENGTH || !printable(mcpToken))) {
            throw new ConfigException("LEASH_MCP_TOKEN must be at least " + MIN_TOKEN_LENGTH
                    + " printable ASCII characters");
        }
        for (String o : allowedOrigins) {
            if (!o.matches("https?://[^/\\s]+")) {
                throw new ConfigException("an allowed origin is scheme://host[:port], got '" + o + "'");
            }
        }
        positive(connectTimeout, "connect timeout");
        positive(readTimeout, "read timeout");
        positive(cacheTtl, "cache TTL");
        if (snapshotMaxAge == null || snapshotMaxAge.isNegative()
                || snapshotMaxAge.compareTo(MAX_SNAPSHOT_MAX_AGE) > 0) {
            throw new ConfigException("the snapshot's max age must be between 0 and " + MAX_SNAPSHOT_MAX_AGE.toMillis()
                    + " ms, got " + (snapshotMaxAge == null ? "none" : snapshotMaxAge.toMillis() + " ms"));
        }
        if (metricsPort < NO_METRICS_PORT || metricsPort > 65_535) {
            throw new ConfigException("--metrics-port must be between 0 and 65535, got " + metricsPort);
        }
        if (metricsPort != NO_METRICS_PORT && !Loopback.isLoopback(host)) {
            throw new ConfigException("--metrics-port serves /metrics without a token, so only on a loopback --host,"
                    + " got " + host);
        }
        if (transport == Transport.HTTP && !Loopback.isLoopback(host) && mcpToken == null) {
            throw new ConfigException("refusing to bind " + host + " (not a loopback address) without a token: "
                    + "set LEASH_MCP_TOKEN, or bind 127.0.0.1");
        }
    }

    /** A configuration of one unnamed gateway. */
    public McpConfig(Transport transport, String host, int port, URI gateway, String gatewayToken, String mcpToken,
                     Path dataDir, List<String> allowedOrigins, Duration connectTimeout, Duration readTimeout,
                     Duration cacheTtl, Duration snapshotMaxAge, int metricsPort) {
        this(transport, host, port, gateway, gatewayToken, mcpToken, dataDir, allowedOrigins, connectTimeout,
                readTimeout, cacheTtl, snapshotMaxAge, metricsPort, List.of());
    }

    /** A configuration with the default snapshot bound and no stdio metrics port. */
    public McpConfig(Transport transport, String host, int port, URI gateway, String gatewayToken, String mcpToken,
                     Path dataDir, List<String> allowedOrigins, Duration connectTimeout, Duration readTimeout,
                     Duration cacheTtl) {
        this(transport, host, port, gateway, gatewayToken, mcpToken, dataDir, allowedOrigins, connectTimeout,
                readTimeout, cacheTtl, DEFAULT_SNAPSHOT_MAX_AGE, NO_METRICS_PORT);
    }

    /** This configuration with another snapshot bound. */
    public McpConfig withSnapshotMaxAge(Duration maxAge) {
        return new McpConfig(transport, host, port, gateway, gatewayToken, mcpToken, dataDir, allowedOrigins,
                connectTimeout, readTimeout, cacheTtl, maxAge, metricsPort, fleet);
    }

    /** This configuration with another stdio metrics port. */
    public McpConfig withMetricsPort(int port) {
        return new McpConfig(transport, host, this.port, gateway, gatewayToken, mcpToken, dataDir, allowedOrigins,
                connectTimeout, readTimeout, cacheTtl, snapshotMaxAge, port, fleet);
    }

    /** This configuration over these named gateways, the first becoming {@code gateway} and its token. */
    public McpConfig withFleet(List<NamedGateway> gateways) {
        if (gateways.isEmpty()) {
            throw new ConfigException("--gateway: a fleet needs at least one gateway");
        }
        NamedGateway first = gateways.get(0);
        return new McpConfig(transport, host, port, first.url(), first.token(), mcpToken, dataDir, allowedOrigins,
                connectTimeout, readTimeout, cacheTtl, snapshotMaxAge, metricsPort, gateways);
    }

    /** The configuration of one gateway of this one (its URL and token; no fleet), for its client and events. */
    public McpConfig forGateway(NamedGateway g) {
        return new McpConfig(transport, host, port, g.url(), g.token(), mcpToken, dataDir, allowedOrigins,
                connectTimeout, readTimeout, cacheTtl, snapshotMaxAge, metricsPort, List.of());
    }

    /** Every gateway fronted, in order: the fleet, or the one unnamed gateway. */
    public List<NamedGateway> gateways() {
        return fleet.isEmpty() ? List.of(new NamedGateway(null, gateway, gatewayToken)) : fleet;
    }

    /** The base URL without a trailing slash. */
    public String gatewayBase() {
        String s = gateway.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Never prints a token. */
    @Override
    public String toString() {
        return "McpConfig[transport=" + transport + ", host=" + host + ", port=" + port + ", gateway=" + gateway
                + ", modelToken=" + (gatewayToken == null ? "none" : "***") + ", mcpToken="
                + (mcpToken == null ? "file" : "***") + ", dataDir=" + dataDir + ", allowedOrigins=" + allowedOrigins
                + ", snapshotMaxAge=" + snapshotMaxAge + ", metricsPort=" + metricsPort
                + (fleet.isEmpty() ? "" : ", fleet=" + fleet) + "]";
    }

    private static void positive(Duration d, String what) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new ConfigException(what + " must be positive");
        }
    }

    static boolean printable(String s) {
        return s.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
