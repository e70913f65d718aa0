package dev.leash.examples;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The scripted outer loop's settings, validated once in {@code main}.
 *
 * @param mcpUrl        the MCP server's Streamable HTTP endpoint, e.g. {@code http://127.0.0.1:7071/mcp}
 * @param token         the MCP server's bearer token (from {@code LEASH_MCP_TOKEN} or a token file, never a flag)
 * @param clientName    the name sent in {@code initialize}; the gateway journals it as the author of every proposal
 * @param cycles        review cycles to run
 * @param interval      wall time between the starts of two cycles
 * @param decreaseStep  percentage points {@code max_position_pct} goes down when volatility rises
 * @param losingStreak  consecutive losing closed trades after which a symbol is disabled
 * @param probeEvery    every this many cycles, propose one over-step increase that risk-guard must reject; 0 = never
 */
public record Options(URI mcpUrl, String token, String clientName, int cycles, Duration interval,
                      double decreaseStep, int losingStreak, int probeEvery) {

    public static final String DEFAULT_URL = "http://127.0.0.1:7071/mcp";
    public static final String DEFAULT_CLIENT_NAME = "leash-scripted-client";
    public static final int DEFAULT_CYCLES = 4;
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    public static final double DEFAULT_DECREASE_STEP = 0.25;
    public static final int DEFAULT_LOSING_STREAK = 3;
    public static final int DEFAULT_PROBE_EVERY = 3;

    static final String USAGE = """
            usage: java -jar leash-scripted-client.jar [--url URL] [--token-file F] [--name N] [--cycles N]
                   [--interval SECONDS] [--step PCT] [--losing-streak N] [--probe-every N]
              --url            MCP endpoint (LEASH_MCP_URL; default http://127.0.0.1:7071/mcp)
              --token-file     file holding the MCP bearer token (default: LEASH_MCP_TOKEN, else ./leash-data/mcp.token)
              --name           client name journaled as the author (default leash-scripted-client)
              --cycles         review cycles (default 4); --interval seconds between them (default 60)
              --step           max_position_pct decrease when volatility rises, points (default 0.25)
              --losing-streak  disable a symbol after this many losing closed trades in a row (default 3)
              --probe-every    every N cycles propose one over-step increase to show risk-guard reject it (default 3, 0 = never)""";

    public Options {
        if (mcpUrl == null || mcpUrl.getHost() == null || !"http".equals(mcpUrl.getScheme()) && !"https".equals(
                mcpUrl.getScheme())) {
            throw new IllegalArgumentException("--url must be http(s)://host:port/path, got " + mcpUrl);
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("no MCP token: set LEASH_MCP_TOKEN or pass --token-file");
        }
        if (clientName == null || clientName.isBlank() || clientName.length() > 60) {
            throw new IllegalArgumentException("--name must be 1..60 characters");
        }
        if (cycles < 1 || cycles > 100_000) {
            throw new IllegalArgumentException("--cycles must be 1..100000, got " + cycles);
        }
        if (interval.isNegative()) {
            throw new IllegalArgumentException("--interval must not be negative");
        }
        if (!(decreaseStep > 0) || decreaseStep > 5) {
            throw new IllegalArgumentException("--step must be in (0, 5], got " + decreaseStep);
        }
        if (losingStreak < 1) {
            throw new IllegalArgumentException("--losing-streak must be at least 1");
        }
        if (probeEvery < 0) {
            throw new IllegalArgumentException("--probe-every must be 0 or more");
        }
    }

    /** Flags over the environment over the defaults; throws {@link IllegalArgumentException} with a clear message. */
    public static Options parse(String[] args, Map<String, String> env) {
        String url = env.getOrDefault("LEASH_MCP_URL", DEFAULT_URL);
        String token = env.get("LEASH_MCP_TOKEN");
        Path tokenFile = null;
        String name = DEFAULT_CLIENT_NAME;
        int cycles = DEFAULT_CYCLES;
        Duration interval = DEFAULT_INTERVAL;
        double step = DEFAULT_DECREASE_STEP;
        int streak = DEFAULT_LOSING_STREAK;
        int probe = DEFAULT_PROBE_EVERY;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            String v = i + 1 < args.length ? args[i + 1] : null;
            if (v == null) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            i++;
            switch (flag) {
                case "--url" -> url = v;
                case "--token-file" -> tokenFile = Path.of(v);
                case "--name" -> name = v;
                case "--cycles" -> cycles = integer(flag, v);
                case "--interval" -> interval = Duration.ofMillis(Math.round(number(flag, v) * 1000));
                case "--step" -> step = number(flag, v);
                case "--losing-streak" -> streak = integer(flag, v);
                case "--probe-every" -> probe = integer(flag, v);
                default -> throw new IllegalArgumentException("unknown flag " + flag);
            }
        }
        if (tokenFile != null || token == null || token.isBlank()) {
            token = readToken(tokenFile != null ? tokenFile : Path.of("leash-data", "mcp.token"));
        }
        return new Options(URI.create(url), token.strip(), name, cycles, interval, step, streak, probe);
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("no MCP token: LEASH_MCP_TOKEN is not set and " + file
                    + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static int integer(String flag, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be an integer, got '" + v + "'");
        }
    }

    private static double number(String flag, String v) {
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a number, got '" + v + "'");
        }
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "Options[url=" + mcpUrl + ", token=***, name=" + clientName + ", cycles=" + cycles + ", interval="
                + interval + ", step=" + decreaseStep + ", losingStreak=" + losingStreak + ", probeEvery="
                + probeEvery + "]";
    }
}
