package dev.leash.mcp;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Flags and environment variables to a {@link McpConfig}; flags win over the environment. */
public final class CommandLine {

    public static final String USAGE = """
            usage: java -jar leash-mcp.jar [--http [--port 7071] [--host 127.0.0.1] [--allowed-origin URL]...]
                                           [--gateway URL] [--token-file FILE] [--data-dir DIR]
              stdio by default (what Claude Desktop launches); --http serves Streamable HTTP at /mcp.
              --token-file: the gateway's model token (the gateway writes it to its data directory's model.token).
            environment: LEASH_GATEWAY_URL (default http://127.0.0.1:7070), LEASH_MODEL_TOKEN (else
              DATA_DIR/model.token), LEASH_MCP_TOKEN (HTTP bearer token; else DATA_DIR/mcp.token is created),
              LEASH_MCP_DATA_DIR (default ./leash-data), LEASH_MCP_ALLOWED_ORIGINS (comma-separated)""";

    private CommandLine() {
    }

    /** Parses and validates; throws {@link ConfigException} with a specific message. */
    public static McpConfig parse(String[] args, Map<String, String> env) {
        McpConfig.Transport transport = McpConfig.Transport.STDIO;
        String host = McpConfig.DEFAULT_HOST;
        int port = McpConfig.DEFAULT_PORT;
        String gateway = env.getOrDefault("LEASH_GATEWAY_URL", McpConfig.DEFAULT_GATEWAY);
        String tokenFile = null;
        String dataDir = env.getOrDefault("LEASH_MCP_DATA_DIR", McpConfig.DEFAULT_DATA_DIR);
        List<String> origins = new ArrayList<>();
        String envOrigins = env.get("LEASH_MCP_ALLOWED_ORIGINS");
        if (envOrigins != null && !envOrigins.isBlank()) {
            Arrays.stream(envOrigins.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(origins::add);
        }
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--stdio" -> transport = McpConfig.Transport.STDIO;
                case "--http" -> transport = McpConfig.Transport.HTTP;
                case "--port" -> port = parsePort(value(args, ++i, a));
                case "--host" -> host = value(args, ++i, a);
                case "--gateway" -> gateway = value(args, ++i, a);
                case "--token-file" -> tokenFile = value(args, ++i, a);
                case "--data-dir" -> dataDir = value(args, ++i, a);
                case "--allowed-origin" -> origins.add(value(args, ++i, a));
                default -> throw new ConfigException("unknown argument '" + a + "'\n" + USAGE);
            }
        }
        Path dir = Path.of(dataDir);
        return new McpConfig(transport, host, port, uri(gateway), gatewayToken(tokenFile, env, dir),
                blankToNull(env.get("LEASH_MCP_TOKEN")), dir, origins, McpConfig.DEFAULT_CONNECT_TIMEOUT,
                McpConfig.DEFAULT_READ_TIMEOUT, McpConfig.DEFAULT_CACHE_TTL);
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

    private static String read(Path file, String what) {
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

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new ConfigException(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new ConfigException("--port must be a number, got '" + v + "'");
        }
    }

    private static URI uri(String v) {
        try {
            return new URI(v.strip());
        } catch (URISyntaxException e) {
            throw new ConfigException("the gateway URL is not a URL: '" + v + "'");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
