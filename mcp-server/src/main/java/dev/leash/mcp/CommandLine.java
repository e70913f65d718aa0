package dev.leash.mcp;

import dev.leash.common.JsonLogs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Flags and environment variables to a {@link McpConfig}; flags win over the environment. */
public final class CommandLine {

    /** The flags, declared once for parsing and for the help text. */
    @Command(name = "java -jar leash-mcp.jar", sortOptions = false,
            description = "The Leash MCP server: stdio by default (what Claude Desktop launches); --http serves"
                    + " Streamable HTTP at /mcp.",
            footer = {"", "Environment: LEASH_GATEWAY_URL (default http://127.0.0.1:7070), LEASH_MODEL_TOKEN (else"
                    + " DATA_DIR/model.token), LEASH_MCP_TOKEN (HTTP bearer token; else DATA_DIR/mcp.token is"
                    + " created), LEASH_MCP_DATA_DIR (default ./leash-data), LEASH_MCP_ALLOWED_ORIGINS"
                    + " (comma-separated), LEASH_LOG_FORMAT (text or json), LEASH_MODEL_TOKEN_<NAME> (the model"
                    + " token of the gateway named NAME). Flags win over the environment."})
    static final class Flags {

        McpConfig.Transport transport = McpConfig.Transport.STDIO;

        @Option(names = "--stdio", description = "serve MCP on stdin and stdout (the default)")
        void stdio(boolean on) {
            transport = McpConfig.Transport.STDIO;
        }

        @Option(names = "--http", description = "serve Streamable HTTP at /mcp instead")
        void http(boolean on) {
            transport = McpConfig.Transport.HTTP;
        }

        @Option(names = "--port", paramLabel = "PORT", description = "the HTTP port (default 7071; 0 picks one)")
        String port;

        @Option(names = "--host", paramLabel = "HOST", description = "the HTTP bind address (default 127.0.0.1)")
        String host;

        @Option(names = "--allowed-origin", paramLabel = "URL",
                description = "a browser Origin allowed over HTTP; repeat for more")
        List<String> origins = new ArrayList<>();

        @Option(names = "--gateway", paramLabel = "[NAME=]URL", description = "the gateway's base URL; for"
                + " several, NAME=URL repeated (NAME: a-z, 0-9, _ and -, at most 32)")
        List<String> gateways = new ArrayList<>();

        @Option(names = "--gateway-token-file", paramLabel = "NAME=FILE", description = "the model token of the"
                + " gateway named NAME (else env LEASH_MODEL_TOKEN_<NAME>, upper case, - as _); repeat per gateway")
        List<String> gatewayTokenFiles = new ArrayList<>();

        @Option(names = "--allowed-host", paramLabel = "NAME", description = "HTTP: a Host name (no port) the server"
                + " is reached by besides 127.0.0.1, localhost and [::1]; repeat for more")
        List<String> allowedHosts = new ArrayList<>();

        @Option(names = "--token-file", paramLabel = "FILE", description = "the gateway's model token (the gateway"
                + " writes it to its data directory's model.token)")
        String tokenFile;

        @Option(names = "--data-dir", paramLabel = "DIR", description = "where mcp.token lives")
        String dataDir;

        @Option(names = "--snapshot-max-age-ms", paramLabel = "MS", description = "the oldest a read answered from"
                + " the local snapshot of the gateway may be (default 1000; 0 = every read asks the gateway)")
        String snapshotMaxAgeMs;

        @Option(names = "--metrics-port", paramLabel = "PORT", description = "stdio only: serve /metrics on this"
                + " port of --host (0 picks one); over HTTP /metrics is on the MCP port")
        String metricsPort;

        @Option(names = "--log-format", paramLabel = "FORMAT", description = "text or json (one JSON object per"
                + " line on stderr); overrides LEASH_LOG_FORMAT")
        String logFormat;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;
    }

    /** The help text, rendered from {@link Flags}. */
    public static final String USAGE = new picocli.CommandLine(new Flags())
            .getUsageMessage(picocli.CommandLine.Help.Ansi.OFF).stripTrailing();

    private CommandLine() {
    }

    /** Parses and validates; throws {@link ConfigException} with a specific message. */
    public static McpConfig parse(String[] args, Map<String, String> env) {
        Flags f = flags(args);
        McpConfig.Transport transport = f.transport;
        String host = f.host == null ? McpConfig.DEFAULT_HOST : f.host;
        int port = f.port == null ? McpConfig.DEFAULT_PORT : parsePort(f.port);
        List<NamedGateway> fleet = Fleets.parse(f.gateways, f.gatewayTokenFiles, f.tokenFile, env);
        String gateway = !f.gateways.isEmpty() ? f.gateways.get(f.gateways.size() - 1)
                : env.getOrDefault("LEASH_GATEWAY_URL", McpConfig.DEFAULT_GATEWAY);
        String tokenFile = f.tokenFile;
        String dataDir = f.dataDir != null ? f.dataDir : env.getOrDefault("LEASH_MCP_DATA_DIR",
                McpConfig.DEFAULT_DATA_DIR);
        List<String> origins = new ArrayList<>();
        String envOrigins = env.get("LEASH_MCP_ALLOWED_ORIGINS");
        if (envOrigins != null && !envOrigins.isBlank()) {
            Arrays.stream(envOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(origins::add);
        }
        origins.addAll(f.origins);
        Path dir = Path.of(dataDir);
        Duration maxAge = f.snapshotMaxAgeMs == null ? McpConfig.DEFAULT_SNAPSHOT_MAX_AGE
                : Duration.ofMillis(Math.min(number(f.snapshotMaxAgeMs, "--snapshot-max-age-ms"), 1L << 40));
        int metricsPort = f.metricsPort == null ? McpConfig.NO_METRICS_PORT
                : (int) Math.min(number(f.metricsPort, "--metrics-port"), 65_536);
        if (metricsPort != McpConfig.NO_METRICS_PORT && transport == McpConfig.Transport.HTTP) {
            throw new ConfigException("--metrics-port is for stdio; over HTTP /metrics is served on the MCP port");
        }
        if (!fleet.isEmpty()) {
            NamedGateway first = fleet.get(0);
            return new McpConfig(transport, host, port, first.url(), first.token(),
                    blankToNull(env.get("LEASH_MCP_TOKEN")), dir, origins, McpConfig.DEFAULT_CONNECT_TIMEOUT,
                    McpConfig.DEFAULT_READ_TIMEOUT, McpConfig.DEFAULT_CACHE_TTL, maxAge, metricsPort, fleet);
        }
        return new McpConfig(transport, host, port, uri(gateway), gatewayToken(tokenFile, env, dir),
                blankToNull(env.get("LEASH_MCP_TOKEN")), dir, origins, McpConfig.DEFAULT_CONNECT_TIMEOUT,
                McpConfig.DEFAULT_READ_TIMEOUT, McpConfig.DEFAULT_CACHE_TTL, maxAge, metricsPort);
    }

    /**
     * The names given with {@code --allowed-host}, lower-cased; a wildcard, a port or a malformed name is a
     * {@link ConfigException} naming it.
     */
    public static List<String> allowedHosts(String[] args) {
        List<String> out = new ArrayList<>();
        for (String h : flags(args).allowedHosts) {
            String n = h.strip().toLowerCase(java.util.Locale.ROOT);
            boolean name = n.matches("\\[[0-9a-f:.]+\\]") || n.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?");
            if (!name || Loopback.isWildcard(n)) {
                throw new ConfigException("--allowed-host '" + h + "' must be a DNS name, an IPv4 address or an"
                        + " [IPv6] address, without a port and not a wildcard such as 0.0.0.0");
            }
            out.add(n);
        }
        return out;
    }

    /**
     * The model token the MCP server presents to the gateway: {@code --token-file}, else {@code LEASH_MODEL_TOKEN},
     * else {@code model.token} in the data dir. The operator's {@code LEASH_GATEWAY_TOKEN} is refused: with it the
     * model's writes would be the operator's and skip the slow-rise rules.
     */
    private static String gatewayToken(String tokenFile, Map<String, String> env, Path dataDir) {
        if (tokenFile != null) {
            return read(Path.of(tokenFile), "--token-file");
        }
        String fromEnv = blankToNull(env.get("LEASH_MODEL_TOKEN"));
        if (fromEnv != null) {
            return fromEnv.strip();
        }
        if (blankToNull(env.get("LEASH_GATEWAY_TOKEN")) != null) {
            throw new ConfigException("LEASH_GATEWAY_TOKEN is the operator's token and the MCP server does not use it:"
                    + " set LEASH_MODEL_TOKEN (or --token-file) to the gateway's model token, which the gateway"
                    + " writes to model.token in its data directory");
        }
        Path beside = dataDir.resolve("model.token");
        return Files.isRegularFile(beside) ? read(beside, beside.toString()) : null;
    }

    static String read(Path file, String what) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (t.isEmpty()) {
                throw new ConfigException(what + ": " + file + " is empty");
            }
            return t;
        } catch (IOException e) {
            throw new ConfigException(what + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The flags; a usage mistake is a {@link ConfigException} naming it. */
    /**
     * Whether to log JSON: {@code --log-format}, else {@code LEASH_LOG_FORMAT}; false when the arguments do not parse
     * ({@link #parse} reports that). Throws {@link ConfigException} for a format other than text or json.
     */
    public static boolean jsonLogs(String[] args, Map<String, String> env) {
        Flags f;
        try {
            f = flags(args);
        } catch (ConfigException e) {
            return false;
        }
        try {
            return JsonLogs.wanted(f.logFormat, env, null);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    private static Flags flags(String[] args) {
        Flags f = new Flags();
        try {
            new picocli.CommandLine(f).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (picocli.CommandLine.UnmatchedArgumentException e) {
            throw new ConfigException("unknown argument '" + e.getUnmatched().get(0) + "'\n" + USAGE);
        } catch (picocli.CommandLine.ParameterException e) {
            throw new ConfigException(e.getMessage());
        }
        return f;
    }

    private static int parsePort(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("--port must be a number, got '" + v + "'");
        }
    }

    private static long number(String v, String flag) {
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0) {
                throw new ConfigException(flag + " must not be negative, got '" + v + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(flag + " must be a whole number, got '" + v + "'");
        }
    }

    static URI uri(String v) {
        try {
            return new URI(v.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException("the gateway URL is not a URL: '" + v + "'");
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
