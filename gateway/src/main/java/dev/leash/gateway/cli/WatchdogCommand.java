package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.alerts.Alert;
import dev.leash.gateway.alerts.Alerts;
import dev.leash.gateway.alerts.Channel;
import dev.leash.gateway.alerts.Channels;
import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.ConfigLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code leash-gateway watchdog --data-dir d --max-age 120s [--expect ACTIVE,PAUSED] [--webhook URL] [--config F]}:
 * an external check of {@code heartbeat.json} for cron or systemd; exit 0 when fresh and in an expected state, else
 * one line on stderr, the exit code of {@link Verdict}, and an alert POSTed to the webhook if one is given and to the
 * {@code alerts:} channels of the gateway's configuration if {@code --config} is given.
 */
@Command(name = "watchdog", description = "Check heartbeat.json for cron or systemd: exit 0 when fresh and in an"
        + " expected state, else one line on stderr and an alert POSTed to the webhook and the --config channels.",
        footer = {"", "Exit codes: 0 fresh and expected, 2 usage error, 3 missing, 4 unreadable,",
                "5 too old, 6 HALTED, 7 REDUCE_ONLY, 8 another state."})
final class WatchdogCommand implements Callable<Integer> {

    /** What the check found, with its exit code. */
    enum Verdict {
        OK(0, "ok"),
        MISSING(3, "critical"),
        UNREADABLE(4, "critical"),
        TOO_OLD(5, "critical"),
        HALTED(6, "critical"),
        REDUCE_ONLY(7, "warning"),
        UNEXPECTED_STATE(8, "warning");

        final int exitCode;
        final String severity;

        Verdict(int exitCode, String severity) {
            this.exitCode = exitCode;
            this.severity = severity;
        }
    }

    /** The verdict, the line that explains it, and the heartbeat's age in seconds (-1 when unknown). */
    record Finding(Verdict verdict, String text, long ageSeconds) {
    }

    static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    HelpOption help;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the gateway's data directory (required)")
    Path dataDir;

    @Option(names = "--max-age", paramLabel = "AGE", defaultValue = "120s",
            description = "the oldest acceptable heartbeat, such as 120s, 5m or 1h (default: ${DEFAULT-VALUE})")
    String maxAgeText;

    @Option(names = "--expect", paramLabel = "STATES", defaultValue = "ACTIVE",
            description = "the acceptable trading states, comma-separated (default: ${DEFAULT-VALUE})")
    String expectText;

    @Option(names = "--webhook", paramLabel = "URL", description = "POST an alert here when the check fails")
    String webhookText;

    @Option(names = "--config", paramLabel = "FILE",
            description = "the gateway's YAML: its alerts channels get the alert too when the check fails")
    Path configFile;

    private final Map<String, String> env;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private final Duration webhookTimeout;

    /** A watchdog that reads the Telegram bot token of {@code --config}'s channels from {@code env}. */
    WatchdogCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock, Duration webhookTimeout) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.webhookTimeout = webhookTimeout;
    }

    /** Runs the check at the clock's time; returns the exit code. */
    @Override
    public Integer call() throws UsageException, ConfigException {
        if (dataDir == null) {
            throw new UsageException("watchdog needs --data-dir");
        }
        Duration maxAge = duration("max-age", maxAgeText);
        Set<String> expected = expected(expectText);
        URI webhook = webhookUri(webhookText);
        List<Channel> channels = configFile == null ? List.of() : Channels.of(ConfigLoader.load(configFile, env,
                new ConfigLoader.Overrides(dataDir, null, null)).alerts(), env.get("LEASH_TELEGRAM_BOT_TOKEN"));
        Finding f = check(dataDir, maxAge, expected, clock.instant());
        if (f.verdict() == Verdict.OK) {
            out.println("leash-gateway watchdog: " + f.text());
            return 0;
        }
        err.println("leash-gateway watchdog: " + f.text());
        if (webhook != null) {
            String failure = alert(webhook, f, dataDir, webhookTimeout);
            if (failure != null) {
                err.println("leash-gateway watchdog: alert not delivered: " + failure);
            }
        }
        alertChannels(channels, f);
        return f.verdict().exitCode;
    }

    /** Sends {@code f} to the configured alert channels, two tries each; a failure is one stderr line. */
    private void alertChannels(List<Channel> channels, Finding f) {
        Alert alert = new Alert("watchdog_" + f.verdict().name().toLowerCase(Locale.ROOT), clock.millis(),
                "Leash gateway watchdog (" + f.verdict().severity + "): " + f.text());
        try {
            for (String failure : Alerts.sendNow(channels, alert, webhookTimeout, 2)) {
                err.println("leash-gateway watchdog: alert not delivered: " + failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("leash-gateway watchdog: interrupted while alerting");
        }
    }

    /** Reads the heartbeat under {@code dataDir} and judges it at {@code now}. */
    static Finding check(Path dataDir, Duration maxAge, Set<String> expected, Instant now) {
        Path file = dataDir.resolve("heartbeat.json");
        JsonNode hb;
        try {
            hb = JSON.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            return new Finding(Verdict.MISSING, "no heartbeat at " + file + ": is the gateway running on this data"
                    + " directory?", -1);
        } catch (IOException | RuntimeException e) {
            // never the content or the parser's message, which quotes it
            return new Finding(Verdict.UNREADABLE, "heartbeat " + file + " is unreadable ("
                    + e.getClass().getSimpleName() + ")", -1);
        }
        Instant wall;
        try {
            wall = Instant.parse(hb == null ? "" : hb.path("wall_time").asText(""));
        } catch (DateTimeParseException e) {
            return new Finding(Verdict.UNREADABLE, "heartbeat " + file + " is unreadable (no valid wall_time)", -1);
        }
        String state = hb.path("trading_state").asText("");
        if (state.isEmpty()) {
            return new Finding(Verdict.UNREADABLE, "heartbeat " + file + " is unreadable (no trading_state)", -1);
        }
        long age = Duration.between(wall, now).toSeconds();
        if (Math.abs(age) > maxAge.toSeconds()) {
            return new Finding(Verdict.TOO_OLD, age >= 0
                    ? "heartbeat is " + age + " s old (max " + maxAge.toSeconds() + " s): the gateway is silent"
                    : "heartbeat is " + -age + " s in the future (max " + maxAge.toSeconds() + " s): check the clock",
                    age);
        }
        if (expected.contains(state)) {
            return new Finding(Verdict.OK, "heartbeat " + age + " s old, trading " + state, age);
        }
        Verdict v = switch (state) {
            case "HALTED" -> Verdict.HALTED;
            case "REDUCE_ONLY" -> Verdict.REDUCE_ONLY;
            default -> Verdict.UNEXPECTED_STATE;
        };
        return new Finding(v, "trading is " + state + " (expected " + String.join(" or ", expected)
                + "), heartbeat " + age + " s old", age);
    }

    /**
     * POSTs {@code f} as a small JSON alert, retrying once; returns null when delivered, else why not (never the
     * URL, which may carry a secret).
     */
    static String alert(URI webhook, Finding f, Path dataDir, Duration timeout) {
        ObjectNode o = JSON.createObjectNode();
        o.put("text", "Leash gateway: " + f.text());
        o.put("severity", f.verdict().severity);
        o.put("check", f.verdict().name().toLowerCase(Locale.ROOT));
        o.put("data_dir", dataDir.toAbsolutePath().toString());
        if (f.ageSeconds() >= 0) {
            o.put("age_seconds", f.ageSeconds());
        } else {
            o.putNull("age_seconds");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(o.toString())).build();
        String failure = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    return null;
                }
                failure = "HTTP " + status + " after " + attempt + " attempt" + (attempt == 1 ? "" : "s");
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + " after " + attempt + " attempt" + (attempt == 1 ? "" : "s");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
        return failure;
    }

    /** {@code 120s}, {@code 5m}, {@code 1h} or plain seconds. */
    static Duration duration(String name, String v) throws UsageException {
        try {
            String s = v.trim().toLowerCase(Locale.ROOT);
            long unit = s.endsWith("h") ? 3600 : s.endsWith("m") ? 60 : 1;
            String digits = s.endsWith("h") || s.endsWith("m") || s.endsWith("s") ? s.substring(0, s.length() - 1) : s;
            long n = Long.parseLong(digits);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(Math.multiplyExact(n, unit));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new UsageException("--" + name + " must be a positive duration such as 120s, 5m or 1h, got '"
                    + v + "'");
        }
    }

    private static Set<String> expected(String v) throws UsageException {
        Set<String> out = new TreeSet<>();
        for (String s : Arrays.asList(v.split(","))) {
            String name = s.trim().toUpperCase(Locale.ROOT);
            if (!dev.leash.gateway.loop.TradingStateName.ALL.contains(name)) {
                throw new UsageException("--expect takes states among "
                        + dev.leash.gateway.loop.TradingStateName.ALL + ", got '" + s.trim() + "'");
            }
            out.add(name);
        }
        return out;
    }

    private static URI webhookUri(String v) throws UsageException {
        if (v == null) {
            return null;
        }
        try {
            URI u = new URI(v);
            if (!("http".equals(u.getScheme()) || "https".equals(u.getScheme())) || u.getHost() == null) {
                throw new UsageException("--webhook must be an http or https URL");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new UsageException("--webhook must be an http or https URL");
        }
    }
}
