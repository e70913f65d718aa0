package dev.leash.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Ceilings;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamField;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;

import java.io.IOException;
import dev.leash.journal.JournalOptions;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link GatewayConfig} from an optional YAML file, then environment overrides, then command-line
 * overrides, and validates it once. Every error names the key. Unknown keys are errors, so a typo never silently
 * falls back to a default.
 */
public final class ConfigLoader {

    /** Venues this build knows. */
    public static final Set<String> VENUES = Set.of("simulated", "paper", "bybit", "bybit-testnet", "bybit-demo",
            "lmex", "lmex-testnet");
    public static final List<String> DEFAULT_SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    /** A key written twice is an error: otherwise the second {@code limits:} section would silently win. */
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");
    private static final Map<String, Set<String>> KEYS = withStrategies(withLogging(AlertsConfig.withKeys(Map.of(
            "", Set.of("venue", "venue_base_url", "data_dir", "symbols", "api", "simulated", "loops", "baseline_reset",
                    "baseline", "limits", "journal", "lmex", "shadows", "alerts", "gateway",
                    "strategies"),
            "gateway", Set.of("id"),
            "lmex", Set.of("sign_path_includes_futures"),
            "api", Set.of("host", "port", "max_body_bytes", "allowed_hosts", "allowed_origins", "metrics_token_file"),
            "simulated", Set.of("seed", "speed", "initial_balance"),
            "loops", Set.of("tick_ms", "middle_seconds", "stale_order_minutes", "cancel_manual_orders",
                    "stale_tick_seconds", "venue_recovery_seconds"),
            "baseline_reset", Set.of("schedule", "day", "hour_utc"),
            "journal", Set.of("url", "pool_size", "connection_timeout_ms", "socket_timeout_seconds",
                    "retry_backoff_ms"),
            "shadows", Set.of("enabled", "max", "incumbent_horizon_hours", "min_trades", "warmup_minutes"),
            "limits", LimitKeys.all()))));

    private ConfigLoader() {
    }

    /** Command-line overrides; null fields are not overridden. */
    public record Overrides(Path dataDir, Integer port, Double speed) {
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    /**
     * Loads the configuration.
     *
     * @param file a YAML file, or null for defaults only
     * @param env the environment (System.getenv() in production)
     */
    public static GatewayConfig load(Path file, Map<String, String> env, Overrides overrides) throws ConfigException {
        ObjectNode root = file == null ? JsonNodeFactory.instance.objectNode() : read(file);
        checkKeys(root, "");
        logFormat(root);
        String venue = env.getOrDefault("LEASH_VENUE", text(root, "venue", "simulated"));
        if (!VENUES.contains(venue)) {
            throw new ConfigException("venue: '" + venue + "' is not a venue this build knows; one of "
                    + new java.util.TreeSet<>(VENUES));
        }
        Path dataDir = overrides.dataDir() != null ? overrides.dataDir()
                : Path.of(env.getOrDefault("LEASH_DATA_DIR", text(root, "data_dir", "./leash-data")));
        List<String> symbols = symbols(root);
        ObjectNode api = section(root, "api");
        String host = env.getOrDefault("LEASH_API_HOST", text(api, "api.host", "host",
                GatewayConfig.Api.DEFAULT_HOST));
        long port = overrides.port() != null ? overrides.port()
                : env.containsKey("LEASH_API_PORT") ? parseInt("LEASH_API_PORT", env.get("LEASH_API_PORT"))
                : integer(api, "api.port", "port", GatewayConfig.Api.DEFAULT_PORT);
        if (port < 0 || port > 65_535) {
            throw new ConfigException("api.port: " + port + " is not a TCP port (0 picks a free one)");
        }
        long maxBody = integer(api, "api.max_body_bytes", "max_body_bytes",
                GatewayConfig.Api.DEFAULT_MAX_BODY_BYTES);
        if (maxBody < 1024 || maxBody > 10 * 1024 * 1024) {
            throw new ConfigException("api.max_body_bytes: " + maxBody + " is outside [1024, 10485760]");
        }
        ObjectNode sim = section(root, "simulated");
        long seed = env.containsKey("LEASH_SEED") ? parseInt("LEASH_SEED", env.get("LEASH_SEED"))
                : integer(sim, "simulated.seed", "seed", GatewayConfig.Simulated.DEFAULT_SEED);
        double speed = overrides.speed() != null ? overrides.speed()
                : env.containsKey("LEASH_SPEED") ? parseDouble("LEASH_SPEED", env.get("LEASH_SPEED"))
                : number(sim, "simulated.speed", "speed", GatewayConfig.Simulated.DEFAULT_SPEED);
        if (!(speed >= 1 && speed <= 3600)) {
            throw new ConfigException("simulated.speed: " + speed + " is outside [1, 3600] (1 = real time)");
        }
        double balance = number(sim, "simulated.initial_balance", "initial_balance",
                GatewayConfig.Simulated.DEFAULT_INITIAL_BALANCE);
        if (!(balance >= 100 && balance <= 1e9)) {
            throw new ConfigException("simulated.initial_balance: " + balance + " is outside [100, 1e9] USDT");
        }
        GatewayConfig.Loops loops = loops(section(root, "loops"));
        GatewayConfig.BaselineReset reset = reset(section(root, "baseline_reset"));
        Limits limits = limits(section(root, "limits"), symbols);
        Params baseline = baseline(root.get("baseline"), symbols, limits);
        String journalUrl = env.getOrDefault("LEASH_JOURNAL_URL", text(section(root, "journal"), "journal.url", "url",
                null));
        String baseUrl = env.getOrDefault("LEASH_VENUE_BASE_URL", text(root, "venue_base_url", null));
        if (baseUrl != null && !baseUrl.matches("https?://[^\\s]+")) {
            throw new ConfigException((env.containsKey("LEASH_VENUE_BASE_URL") ? "LEASH_VENUE_BASE_URL"
                    : "venue_base_url") + ": '" + baseUrl + "' is not an http(s) URL");
        }
        JsonNode signFutures = section(root, "lmex").get("sign_path_includes_futures");
        if (signFutures != null && !signFutures.isBoolean() && !signFutures.isNull()) {
            throw new ConfigException("lmex.sign_path_includes_futures: must be true or false");
        }
        boolean lmexSignsFutures = signFutures != null && !signFutures.isNull() && signFutures.booleanValue();
        String metricsTokenFile = text(api, "api.metrics_token_file", "metrics_token_file", null);
        if (metricsTokenFile != null && metricsTokenFile.isBlank()) {
            throw new ConfigException("api.metrics_token_file: must name a file (relative: in the data directory)");
        }
        return new GatewayConfig(venue, dataDir, symbols, new GatewayConfig.Api(host, (int) port, maxBody,
                        Allowlists.hosts(api, env), Allowlists.origins(api, env),
                        metricsTokenFile == null ? null : dataDir.resolve(metricsTokenFile)),
                new GatewayConfig.Simulated(seed, speed, balance), loops, reset, baseline, limits, journalUrl,
                baseUrl, lmexSignsFutures, shadows(section(root, "shadows")),
                AlertsConfig.parse(section(root, "alerts"), env), journalPool(section(root, "journal"))
                        .withGatewayId(gatewayId(root, venue, seed, env)), strategies(section(root, "strategies")));
    }

    private static GatewayConfig.Strategies strategies(ObjectNode n) throws ConfigException {
        GatewayConfig.Strategies d = GatewayConfig.Strategies.DEFAULT;
        double trades = number(n, "strategies.min_backtest_trades", "min_backtest_trades", d.minBacktestTrades());
        if (!(trades >= 1 && trades <= 100_000) || trades != Math.rint(trades)) {
            throw new ConfigException("strategies.min_backtest_trades: " + trades
                    + " is not a whole number in [1, 100000]");
        }
        double margin = number(n, "strategies.max_drawdown_margin_pct", "max_drawdown_margin_pct",
                d.maxDrawdownMarginPct());
        if (!(margin >= 0 && margin <= 100)) {
            throw new ConfigException("strategies.max_drawdown_margin_pct: " + margin + " is outside [0, 100]");
        }
        double hours = number(n, "strategies.shadow_hours", "shadow_hours", d.shadowDuration().toHours());
        if (!(hours >= 0.01 && hours <= 24 * 30)) {
            throw new ConfigException("strategies.shadow_hours: " + hours + " is outside [0.01, 720]");
        }
        double shadowTrades = number(n, "strategies.min_shadow_trades", "min_shadow_trades", d.minShadowTrades());
        if (!(shadowTrades >= 1 && shadowTrades <= 100_000) || shadowTrades != Math.rint(shadowTrades)) {
            throw new ConfigException("strategies.min_shadow_trades: " + shadowTrades
                    + " is not a whole number in [1, 100000]");
        }
        double days = number(n, "strategies.backtest_days", "backtest_days", d.backtestDays());
        if (!(days >= 1 && days <= 90) || days != Math.rint(days)) {
            throw new ConfigException("strategies.backtest_days: " + days + " is not a whole number in [1, 90]");
        }
        return new GatewayConfig.Strategies((int) trades, margin, Duration.ofMillis((long) (hours * 3_600_000)),
                (int) shadowTrades, (int) days);
    }

    /** {@code gateway.id} or {@code LEASH_GATEWAY_ID}, else derived from the venue and the account. */
    private static String gatewayId(ObjectNode root, String venue, long seed, Map<String, String> env)
            throws ConfigException {
        String id = env.containsKey("LEASH_GATEWAY_ID")
                ? GatewayIds.check(env.get("LEASH_GATEWAY_ID"), "LEASH_GATEWAY_ID")
                : GatewayIds.check(text(section(root, "gateway"), "gateway.id", "id", null), "gateway.id");
        return id != null ? id : GatewayIds.derive(venue, seed, env);
    }

    /** The journal's pool settings; user and password are not here: they come from the environment at start. */
    private static JournalOptions journalPool(ObjectNode n) throws ConfigException {
        JournalOptions d = JournalOptions.DEFAULTS;
        long size = integer(n, "journal.pool_size", "pool_size", d.maxPoolSize());
        if (size < 2 || size > 64) {
            throw new ConfigException("journal.pool_size: " + size + " is outside [2, 64]");
        }
        long connect = integer(n, "journal.connection_timeout_ms", "connection_timeout_ms",
                d.connectionTimeout().toMillis());
        if (connect < 250 || connect > 30_000) {
            throw new ConfigException("journal.connection_timeout_ms: " + connect + " is outside [250, 30000]");
        }
        long socket = integer(n, "journal.socket_timeout_seconds", "socket_timeout_seconds",
                d.socketTimeout().toSeconds());
        if (socket < 1 || socket > 600) {
            throw new ConfigException("journal.socket_timeout_seconds: " + socket + " is outside [1, 600]");
        }
        long backoff = integer(n, "journal.retry_backoff_ms", "retry_backoff_ms", d.retryBackoff().toMillis());
        if (backoff < 0 || backoff > 300_000) {
            throw new ConfigException("journal.retry_backoff_ms: " + backoff + " is outside [0, 300000]");
        }
        return new JournalOptions(null, null, (int) size, Duration.ofMillis(connect), Duration.ofSeconds(socket),
                Duration.ofMillis(backoff));
    }

    private static GatewayConfig.Shadows shadows(ObjectNode n) throws ConfigException {
        JsonNode enabled = n.get("enabled");
        if (enabled != null && !enabled.isBoolean() && !enabled.isNull()) {
            throw new ConfigException("shadows.enabled: must be true or false, got '" + enabled.asText() + "'");
        }
        GatewayConfig.Shadows d = GatewayConfig.Shadows.DEFAULT;
        double max = number(n, "shadows.max", "max", d.max());
        if (!(max >= 1 && max <= 16) || max != Math.rint(max)) {
            throw new ConfigException("shadows.max: " + max + " is not a whole number in [1, 16]");
        }
        double hours = number(n, "shadows.incumbent_horizon_hours", "incumbent_horizon_hours",
                d.incumbentHorizon().toHours());
        if (!(hours >= 1 && hours <= 24 * 90)) {
            throw new ConfigException("shadows.incumbent_horizon_hours: " + hours + " is outside [1, 2160]");
        }
        double minTrades = number(n, "shadows.min_trades", "min_trades", d.minTrades());
        if (!(minTrades >= 1 && minTrades <= 100_000) || minTrades != Math.rint(minTrades)) {
            throw new ConfigException("shadows.min_trades: " + minTrades + " is not a whole number in [1, 100000]");
        }
        double warmup = number(n, "shadows.warmup_minutes", "warmup_minutes", d.warmup().toMinutes());
        if (!(warmup >= 0 && warmup <= 24 * 60)) {
            throw new ConfigException("shadows.warmup_minutes: " + warmup + " is outside [0, 1440]");
        }
        return new GatewayConfig.Shadows(enabled == null || enabled.isNull() || enabled.booleanValue(), (int) max,
                Duration.ofMillis((long) (hours * 3_600_000)), (int) minTrades,
                Duration.ofMillis((long) (warmup * 60_000)));
    }

    /** {@code keys} with the {@code strategies} section's. */
    private static Map<String, Set<String>> withStrategies(Map<String, Set<String>> keys) {
        Map<String, Set<String>> all = new java.util.HashMap<>(keys);
        all.put("strategies", Set.of("min_backtest_trades", "max_drawdown_margin_pct", "shadow_hours",
                "min_shadow_trades", "backtest_days"));
        return Map.copyOf(all);
    }

    /** {@code keys} with the {@code logging} section's. */
    private static Map<String, Set<String>> withLogging(Map<String, Set<String>> keys) {
        Map<String, Set<String>> all = new java.util.HashMap<>(keys);
        Set<String> top = new java.util.HashSet<>(all.get(""));
        top.add("logging");
        all.put("", Set.copyOf(top));
        all.put("logging", Set.of("format"));
        return Map.copyOf(all);
    }

    /**
     * The log format {@code file} asks for in {@code logging.format} ({@code text} or {@code json}), or null when it
     * says nothing (also for a null file).
     */
    public static String logFormat(Path file) throws ConfigException {
        return file == null ? null : logFormat(read(file));
    }

    private static String logFormat(ObjectNode root) throws ConfigException {
        String format = text(section(root, "logging"), "logging.format", "format", null);
        if (format != null && !format.equals("text") && !format.equals("json")) {
            throw new ConfigException("logging.format: must be text or json, got '" + format + "'");
        }
        return format;
    }

    private static ObjectNode read(Path file) throws ConfigException {
        try {
            JsonNode node = YAML.readTree(Files.readString(file));
            if (node == null || node.isMissingNode() || node.isNull()) {
                return JsonNodeFactory.instance.objectNode();
            }
            if (!node.isObject()) {
                throw new ConfigException(file + ": the top level must be a mapping of keys");
            }
            return (ObjectNode) node;
        } catch (NoSuchFileException e) {
            throw new ConfigException(file + ": no such file");
        } catch (JsonProcessingException e) {
            String duplicate = duplicateKey(e);
            if (duplicate != null) {
                throw new ConfigException(duplicate + ": duplicate key" + (e.getLocation() == null ? ""
                        : " at line " + e.getLocation().getLineNr()) + " of " + file + "; write each key once");
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigException(file + ": not valid YAML" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** The full path of the key a duplicate-key error is about, such as {@code api.port}; null for other errors. */
    private static String duplicateKey(JsonProcessingException e) {
        Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
        if (!m.find() || !(e.getProcessor() instanceof JsonParser p)) {
            return null;
        }
        Deque<String> path = new ArrayDeque<>();
        path.add(m.group(1));
        for (JsonStreamContext c = p.getParsingContext().getParent(); c != null; c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                path.addFirst(c.getCurrentName());
            }
        }
        return String.join(".", path);
    }

    private static void checkKeys(JsonNode node, String path) throws ConfigException {
        Set<String> allowed = KEYS.get(path);
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            String full = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                throw new ConfigException(full + ": unknown key; known keys" + (path.isEmpty() ? "" : " of " + path)
                        + " are " + new java.util.TreeSet<>(allowed));
            }
            if (KEYS.containsKey(full) && !node.get(key).isNull()) {
                if (!node.get(key).isObject()) {
                    throw new ConfigException(full + ": must be a mapping");
                }
                checkKeys(node.get(key), full);
            }
        }
    }

    private static ObjectNode section(ObjectNode root, String name) {
        JsonNode n = root.get(name);
        return n instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    }

    private static String text(JsonNode node, String key, String dflt) throws ConfigException {
        return text(node, key, key, dflt);
    }

    private static String text(JsonNode node, String fullKey, String key, String dflt) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isValueNode()) {
            throw new ConfigException(fullKey + ": must be a string");
        }
        return v.asText();
    }

    /** A whole number; a fraction is refused rather than truncated, {@code 7070.0} reads as 7070. */
    private static long integer(JsonNode node, String fullKey, String key, long dflt) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new ConfigException(fullKey + ": must be an integer, got '" + v.asText() + "'");
        }
        if (v.isIntegralNumber() ? v.canConvertToLong()
                : Double.isFinite(v.doubleValue()) && v.doubleValue() == Math.rint(v.doubleValue())
                && Math.abs(v.doubleValue()) < 0x1p53) {
            return v.longValue();
        }
        throw new ConfigException(fullKey + ": must be an integer, got " + v.asText());
    }

    private static double number(JsonNode node, String fullKey, String key, double dflt) throws ConfigException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            return dflt;
        }
        if (!v.isNumber()) {
            throw new ConfigException(fullKey + ": must be a number, got '" + v.asText() + "'");
        }
        if (!Double.isFinite(v.doubleValue())) {
            throw new ConfigException(fullKey + ": must be a finite number, got " + v.asText());
        }
        return v.doubleValue();
    }

    private static int parseInt(String key, String value) throws ConfigException {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + value + "' is not an integer");
        }
    }

    private static double parseDouble(String key, String value) throws ConfigException {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(key + ": '" + value + "' is not a number");
        }
    }

    private static List<String> symbols(ObjectNode root) throws ConfigException {
        JsonNode v = root.get("symbols");
        if (v == null || v.isNull()) {
            return DEFAULT_SYMBOLS;
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new ConfigException("symbols: must be a non-empty list of symbols");
        }
        Set<String> out = new LinkedHashSet<>();
        for (JsonNode s : v) {
            if (!s.isTextual() || !dev.leash.risk.Symbols.isWellFormed(s.asText())) {
                throw new ConfigException("symbols: '" + s.asText() + "' is not a symbol (2-20 of A-Z, 0-9, '-')");
            }
            if (!out.add(s.asText())) {
                throw new ConfigException("symbols: " + s.asText() + " is listed twice");
            }
        }
        return List.copyOf(out);
    }

    private static GatewayConfig.Loops loops(ObjectNode n) throws ConfigException {
        double tick = number(n, "loops.tick_ms", "tick_ms", GatewayConfig.Loops.DEFAULT_TICK.toMillis());
        double middle = number(n, "loops.middle_seconds", "middle_seconds",
                GatewayConfig.Loops.DEFAULT_MIDDLE.toSeconds());
        double stale = number(n, "loops.stale_order_minutes", "stale_order_minutes",
                GatewayConfig.Loops.DEFAULT_STALE_ORDER_AGE.toMinutes());
        if (!(tick >= 10 && tick <= 60_000)) {
            throw new ConfigException("loops.tick_ms: " + tick + " is outside [10, 60000]");
        }
        if (!(middle >= 1 && middle <= 3600)) {
            throw new ConfigException("loops.middle_seconds: " + middle + " is outside [1, 3600]");
        }
        if (!(stale >= 1 && stale <= 7 * 24 * 60)) {
            throw new ConfigException("loops.stale_order_minutes: " + stale + " is outside [1, 10080]");
        }
        JsonNode manual = n.get("cancel_manual_orders");
        if (manual != null && !manual.isNull() && !manual.isBoolean()) {
            throw new ConfigException("loops.cancel_manual_orders: must be true or false, got '" + manual.asText() + "'");
        }
        double staleTick = number(n, "loops.stale_tick_seconds", "stale_tick_seconds",
                GatewayConfig.Loops.DEFAULT_STALE_TICK_AFTER.toSeconds());
        if (!(staleTick >= 2 && staleTick <= 3600)) {
            throw new ConfigException("loops.stale_tick_seconds: " + staleTick + " is outside [2, 3600]");
        }
        double recovery = number(n, "loops.venue_recovery_seconds", "venue_recovery_seconds",
                GatewayConfig.Loops.DEFAULT_VENUE_RECOVERY.toSeconds());
        if (!(recovery >= 1 && recovery <= 86_400)) {
            throw new ConfigException("loops.venue_recovery_seconds: " + recovery + " is outside [1, 86400]");
        }
        return new GatewayConfig.Loops(Duration.ofMillis((long) tick), Duration.ofMillis((long) (middle * 1000)),
                Duration.ofMinutes((long) stale), manual != null && manual.booleanValue(),
                Duration.ofMillis((long) (staleTick * 1000)), Duration.ofMillis((long) (recovery * 1000)));
    }

    private static GatewayConfig.BaselineReset reset(ObjectNode n) throws ConfigException {
        JsonNode raw = n.get("schedule");
        // YAML reads an unquoted off as the boolean false.
        String schedule = raw != null && raw.isBoolean() && !raw.booleanValue() ? "off"
                : text(n, "baseline_reset.schedule", "schedule", "weekly");
        if (!Set.of("weekly", "daily", "off").contains(schedule)) {
            throw new ConfigException("baseline_reset.schedule: '" + schedule + "' is not weekly, daily or off");
        }
        String day = text(n, "baseline_reset.day", "day", "monday");
        DayOfWeek dow;
        try {
            dow = DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("baseline_reset.day: '" + day + "' is not a day of the week");
        }
        double hour = number(n, "baseline_reset.hour_utc", "hour_utc", 0);
        if (hour < 0 || hour > 23 || hour != Math.rint(hour)) {
            throw new ConfigException("baseline_reset.hour_utc: " + hour + " is not an hour 0..23");
        }
        return new GatewayConfig.BaselineReset(schedule, dow, (int) hour);
    }

    private static Limits limits(ObjectNode n, List<String> symbols) throws ConfigException {
        Limits.Builder b = Limits.builder(new LinkedHashSet<>(symbols));
        try {
            for (String field : LimitKeys.tightenable()) {
                JsonNode r = n.get(field);
                if (r == null || r.isNull()) {
                    continue;
                }
                if (!r.isObject()) {
                    throw new ConfigException("limits." + field + ": must be a mapping {floor, ceiling}");
                }
                for (Iterator<String> it = r.fieldNames(); it.hasNext(); ) {
                    String k = it.next();
                    if (!k.equals("floor") && !k.equals("ceiling")) {
                        throw new ConfigException("limits." + field + "." + k + ": unknown key; use floor and ceiling");
                    }
                }
                dev.leash.risk.Range hard = Limits.hard(new LinkedHashSet<>(symbols)).ranges().get(field);
                double floor = number(r, "limits." + field + ".floor", "floor", hard.floor());
                double ceiling = number(r, "limits." + field + ".ceiling", "ceiling", hard.ceiling());
                b.tighten(field, floor, ceiling);
            }
            if (n.has("max_enabled_symbols")) {
                b.maxEnabledSymbols((int) number(n, "limits.max_enabled_symbols", "max_enabled_symbols",
                        Ceilings.MAX_ENABLED_SYMBOLS));
            }
            if (n.has("max_orders_per_minute")) {
                b.maxOrdersPerWindow((int) number(n, "limits.max_orders_per_minute", "max_orders_per_minute",
                        Limits.DEFAULT_MAX_ORDERS_PER_WINDOW));
            }
            if (n.has("price_band_pct")) {
                b.priceBandPct(number(n, "limits.price_band_pct", "price_band_pct", Limits.DEFAULT_PRICE_BAND_PCT));
            }
            if (n.has("max_order_notional")) {
                b.maxOrderNotional(number(n, "limits.max_order_notional", "max_order_notional",
                        Limits.DEFAULT_MAX_ORDER_NOTIONAL));
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /** The default baseline: 1 % per position, 1.5 % stop, 20-bar lookback, every allowlisted symbol enabled. */
    public static ObjectNode defaultBaseline(List<String> symbols) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(ParamField.MAX_POSITION_PCT.wireName(), 1.0);
        o.put(ParamField.STOP_LOSS_PCT.wireName(), 1.5);
        o.putNull(ParamField.TAKE_PROFIT_PCT.wireName());
        o.put(ParamField.BREAKOUT_LOOKBACK.wireName(), 20);
        o.put(ParamField.MAX_LEVERAGE.wireName(), 2.0);
        o.put(ParamField.DAILY_LOSS_LIMIT_PCT.wireName(), Ceilings.DEFAULT_DAILY_LOSS_LIMIT_PCT);
        o.put(ParamField.TRADING_MODE.wireName(), TradingMode.ACTIVE.wireName());
        ObjectNode syms = o.putObject(ParamField.SYMBOLS);
        for (String s : symbols.subList(0, Math.min(symbols.size(), Ceilings.MAX_ENABLED_SYMBOLS))) {
            syms.putObject(s).put(ParamField.ENABLED.wireName(), true).put(ParamField.SIZE_MULTIPLIER.wireName(), 1.0);
        }
        return o;
    }

    private static Params baseline(JsonNode node, List<String> symbols, Limits limits) throws ConfigException {
        ObjectNode doc = defaultBaseline(symbols);
        if (node != null && !node.isNull()) {
            if (!node.isObject()) {
                throw new ConfigException("baseline: must be a mapping of ai_params.json fields");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!ParamsJson.TUNABLE_FIELDS.contains(e.getKey())) {
                    throw new ConfigException("baseline." + e.getKey() + ": unknown key; known keys are "
                            + new java.util.TreeSet<>(ParamsJson.TUNABLE_FIELDS));
                }
                doc.set(e.getKey(), e.getValue());
            }
        }
        doc.put("version", 1);
        doc.put("updated_by", "operator");
        doc.put("rationale", "baseline from the gateway configuration");
        doc.put("updated_at", Instant.EPOCH.toString());
        ParamsJson.Parsed parsed = ParamsJson.parseDocument(doc);
        List<Violation> problems = new ArrayList<>(parsed.violations());
        if (parsed.ok()) {
            problems.addAll(new ParamPolicy(limits).validate(parsed.params()));
        }
        if (!problems.isEmpty()) {
            Violation v = problems.get(0);
            throw new ConfigException("baseline." + v.field() + ": " + v.message());
        }
        return parsed.params();
    }
}
