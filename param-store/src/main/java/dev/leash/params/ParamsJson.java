package dev.leash.params;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.ParamField;
import dev.leash.risk.Params;
import dev.leash.risk.Rule;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@code ai_params.json} wire format: a whole document, and a partial {@code changes} object applied to a
 * current version. Parsing is strict (unknown fields, wrong types, duplicate keys, non-integral lookbacks are
 * rejected) and reports problems as {@link Violation}s naming the field, never as exceptions.
 */
public final class ParamsJson {

    /** Fields a {@code changes} object may carry. */
    public static final Set<String> TUNABLE_FIELDS = tunableFields();
    /** Fields of a whole document besides the tunable ones. */
    public static final Set<String> METADATA_FIELDS = Set.of("version", "updated_by", "rationale", "updated_at");

    private static final Set<String> SYMBOL_FIELDS = Set.copyOf(ParamField.names(ParamField.Scope.PER_SYMBOL));

    private static final String MAX_POSITION = ParamField.MAX_POSITION_PCT.wireName();
    private static final String STOP_LOSS = ParamField.STOP_LOSS_PCT.wireName();
    private static final String TAKE_PROFIT = ParamField.TAKE_PROFIT_PCT.wireName();
    private static final String LOOKBACK = ParamField.BREAKOUT_LOOKBACK.wireName();
    private static final String LEVERAGE = ParamField.MAX_LEVERAGE.wireName();
    private static final String DAILY_LOSS = ParamField.DAILY_LOSS_LIMIT_PCT.wireName();
    private static final String MODE = ParamField.TRADING_MODE.wireName();
    private static final String ENABLED = ParamField.ENABLED.wireName();
    private static final String MULTIPLIER = ParamField.SIZE_MULTIPLIER.wireName();
    private static final String SYMBOLS = ParamField.SYMBOLS;
    /** The optional strategy object; absent means today's default strategy. */
    private static final String STRATEGY = dev.leash.risk.StrategyBlock.STRATEGY;
    /** The per-symbol fields as text for messages: {@code enabled, size_multiplier}. */
    private static final String SYMBOL_FIELD_LIST = String.join(", ", ParamField.names(ParamField.Scope.PER_SYMBOL));

    /** The longest number literal read (under Jackson's own limit of 1000, so that the field is named). */
    public static final int MAX_NUMBER_CHARS = 500;
    /**
     * The largest decimal exponent, either sign, of a number literal read: beyond a double's range, so that a
     * value too large is still reported as {@code NOT_FINITE} on its field, but far from where converting it
     * throws ({@code 1e-2147483649}) or takes long.
     */
    public static final int MAX_EXPONENT = 999;

    /** A mapper that refuses duplicate keys, trailing tokens and non-standard numbers. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)
            .build();

    private ParamsJson() {
    }

    private static Set<String> tunableFields() {
        List<String> names = new ArrayList<>(ParamField.names(ParamField.Scope.GLOBAL));
        names.add(ParamField.SYMBOLS);
        return Set.copyOf(names);
    }

    /** Parsed params or the problems found. */
    public record Parsed(Params params, List<Violation> violations) {
        public boolean ok() {
            return violations.isEmpty();
        }
    }

    /** Parses JSON text into a tree; a syntax error becomes one violation on field {@code $}. */
    public static JsonParse readTree(String text) {
        return readTree(text, true);
    }

    /**
     * Parses JSON text into a tree like {@link #readTree(String)}, but a syntax error names only its line and column,
     * never the text around it: for files, which may hold anything.
     */
    public static JsonParse readTreeUnquoted(String text) {
        return readTree(text, false);
    }

    private static JsonParse readTree(String text, boolean quote) {
        try {
            Violation outOfRange = checkNumbers(text);
            if (outOfRange != null) {
                return new JsonParse(null, outOfRange);
            }
            JsonNode node = MAPPER.readTree(text);
            if (node == null || node.isMissingNode()) {
                return new JsonParse(null, new Violation("$", Rule.INVALID, "empty document"));
            }
            return new JsonParse(node, null);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            return new JsonParse(null, new Violation("$", Rule.INVALID, "not valid JSON" + where
                    + (quote ? ": " + e.getOriginalMessage() : "")));
        } catch (IOException | RuntimeException e) {
            return new JsonParse(null, new Violation("$", Rule.INVALID,
                    "not valid JSON (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /**
     * Refuses, before any is converted, a number literal longer than {@link #MAX_NUMBER_CHARS} or with an exponent
     * beyond {@link #MAX_EXPONENT}: such numbers are never meant, and converting them can be slow or throw.
     */
    private static Violation checkNumbers(String text) throws IOException {
        try (JsonParser p = MAPPER.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if ((t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) && !bounded(p.getText())) {
                    String name = p.currentName();
                    boolean known = name != null && (TUNABLE_FIELDS.contains(name) || METADATA_FIELDS.contains(name)
                            || SYMBOL_FIELDS.contains(name));
                    JsonLocation at = p.currentTokenLocation();
                    return new Violation(known ? name : "$", Rule.INVALID, "number at line " + at.getLineNr()
                            + ", column " + at.getColumnNr() + " is out of range: at most " + MAX_NUMBER_CHARS
                            + " characters and an exponent within +-" + MAX_EXPONENT);
                }
            }
        }
        return null;
    }

    private static boolean bounded(String number) {
        if (number.length() > MAX_NUMBER_CHARS) {
            return false;
        }
        int e = Math.max(number.indexOf('e'), number.indexOf('E'));
        if (e < 0) {
            return true;
        }
        String exponent = number.substring(e + 1);
        if (exponent.startsWith("+") || exponent.startsWith("-")) {
            exponent = exponent.substring(1);
        }
        return !exponent.isEmpty() && exponent.length() <= 3 && exponent.chars().allMatch(Character::isDigit)
                && Integer.parseInt(exponent) <= MAX_EXPONENT;
    }

    /** A JSON tree, or why it could not be read. */
    public record JsonParse(JsonNode node, Violation error) {
    }

    /** Writes a whole document, fields in the documented order. */
    public static ObjectNode toJson(Params p) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("version", p.version());
        o.put(MAX_POSITION, p.maxPositionPct());
        o.put(STOP_LOSS, p.stopLossPct());
        if (p.takeProfitPct() == null) {
            o.putNull(TAKE_PROFIT);
        } else {
            o.put(TAKE_PROFIT, p.takeProfitPct().doubleValue());
        }
        o.put(LOOKBACK, p.breakoutLookback());
        o.put(LEVERAGE, p.maxLeverage());
        o.put(DAILY_LOSS, p.dailyLossLimitPct());
        o.put(MODE, p.tradingMode().wireName());
        ObjectNode symbols = o.putObject(SYMBOLS);
        for (Map.Entry<String, SymbolParams> e : p.symbols().entrySet()) {
            ObjectNode s = symbols.putObject(e.getKey());
            s.put(ENABLED, e.getValue().enabled());
            s.put(MULTIPLIER, e.getValue().sizeMultiplier());
        }
        if (p.strategy() != null) {
            o.set(STRATEGY, StrategyJson.toJson(p.strategy()));
        }
        o.put("updated_by", p.updatedBy());
        o.put("rationale", p.rationale());
        o.put("updated_at", p.updatedAt().toString());
        return o;
    }

    /** Pretty JSON text of a whole document, ending with a newline. */
    public static String toText(Params p) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(p)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize params", e);
        }
    }

    /** Compact one-line JSON of a tree. */
    public static String compact(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }

    /** Parses a whole document; every field is required except {@code take_profit_pct}. */
    public static Parsed parseDocument(JsonNode node) {
        List<Violation> out = new ArrayList<>();
        if (node == null || !node.isObject()) {
            return new Parsed(null, List.of(new Violation("$", Rule.INVALID, "must be a JSON object")));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TUNABLE_FIELDS.contains(f) && !METADATA_FIELDS.contains(f) && !f.equals(STRATEGY)) {
                out.add(new Violation(f, Rule.INVALID, "unknown field"));
            }
        }
        long version = integer(node, "version", true, out, 1, Long.MAX_VALUE);
        double maxPos = number(node, MAX_POSITION, true, out);
        double stop = number(node, STOP_LOSS, true, out);
        Double tp = optionalNumber(node, TAKE_PROFIT, out);
        long lookback = integer(node, LOOKBACK, true, out, Integer.MIN_VALUE, Integer.MAX_VALUE);
        double lev = number(node, LEVERAGE, true, out);
        double dll = number(node, DAILY_LOSS, true, out);
        TradingMode mode = mode(node, true, out);
        Map<String, SymbolParams> symbols = new TreeMap<>();
        JsonNode syms = node.get(SYMBOLS);
        if (syms == null) {
            out.add(new Violation(SYMBOLS, Rule.INVALID, "required"));
        } else {
            applySymbols(syms, symbols, out);
        }
        dev.leash.risk.StrategySpec strategy = node.hasNonNull(STRATEGY) ? StrategyJson.parse(node.get(STRATEGY), out)
                : null;
        String by = text(node, "updated_by", out);
        String why = text(node, "rationale", out);
        Instant at = instant(node, out);
        if (!out.isEmpty()) {
            return new Parsed(null, out);
        }
        return new Parsed(new Params(version, maxPos, stop, tp, (int) lookback, lev, dll, mode, new TreeMap<>(symbols),
                by, why, at, strategy), List.of());
    }

    /**
     * Applies a partial {@code changes} object to {@code current}. Symbols merge per field: a new symbol starts
     * disabled with multiplier 1.0 unless the change says otherwise. {@code take_profit_pct: null} turns
     * take-profit off.
     */
    public static Parsed applyChanges(Params current, JsonNode changes) {
        List<Violation> out = new ArrayList<>();
        if (changes == null || !changes.isObject()) {
            return new Parsed(null, List.of(new Violation("changes", Rule.INVALID, "must be a JSON object")));
        }
        if (changes.isEmpty()) {
            return new Parsed(null, List.of(new Violation("changes", Rule.INVALID, "proposes no change")));
        }
        for (Iterator<String> it = changes.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!TUNABLE_FIELDS.contains(f) && !f.equals(STRATEGY)) {
                out.add(new Violation(f, Rule.INVALID, METADATA_FIELDS.contains(f)
                        ? "is set by the store, not by a change" : "unknown field; tunable fields are "
                        + new java.util.TreeSet<>(TUNABLE_FIELDS)));
            }
        }
        double maxPos = changes.has(MAX_POSITION) ? number(changes, MAX_POSITION, true, out)
                : current.maxPositionPct();
        double stop = changes.has(STOP_LOSS) ? number(changes, STOP_LOSS, true, out)
                : current.stopLossPct();
        Double tp = changes.has(TAKE_PROFIT) ? optionalNumber(changes, TAKE_PROFIT, out)
                : current.takeProfitPct();
        long lookback = changes.has(LOOKBACK)
                ? integer(changes, LOOKBACK, true, out, Integer.MIN_VALUE, Integer.MAX_VALUE)
                : current.breakoutLookback();
        double lev = changes.has(LEVERAGE) ? number(changes, LEVERAGE, true, out) : current.maxLeverage();
        double dll = changes.has(DAILY_LOSS) ? number(changes, DAILY_LOSS, true, out)
                : current.dailyLossLimitPct();
        TradingMode mode = changes.has(MODE) ? mode(changes, true, out) : current.tradingMode();
        Map<String, SymbolParams> symbols = new TreeMap<>(current.symbols());
        if (changes.has(SYMBOLS)) {
            applySymbols(changes.get(SYMBOLS), symbols, out);
        }
        dev.leash.risk.StrategySpec strategy = !changes.has(STRATEGY) ? current.strategy()
                : changes.get(STRATEGY).isNull() ? null : StrategyJson.parse(changes.get(STRATEGY), out);
        if (!out.isEmpty()) {
            return new Parsed(null, out);
        }
        Params candidate = new Params(current.version(), maxPos, stop, tp, (int) lookback, lev, dll, mode,
                new TreeMap<>(symbols), current.updatedBy(), current.rationale(), current.updatedAt(), strategy);
        if (candidate.sameValuesAs(current)) {
            return new Parsed(null, List.of(new Violation("changes", Rule.INVALID,
                    "leaves every value as it is")));
        }
        return new Parsed(candidate, List.of());
    }

    private static void applySymbols(JsonNode syms, Map<String, SymbolParams> symbols, List<Violation> out) {
        if (!syms.isObject()) {
            out.add(new Violation(SYMBOLS, Rule.INVALID, "must be an object of symbol -> {" + SYMBOL_FIELD_LIST + "}"));
            return;
        }
        for (Map.Entry<String, JsonNode> e : syms.properties()) {
            String symbol = e.getKey();
            String field = SYMBOLS + "." + symbol;
            JsonNode s = e.getValue();
            if (symbol.isEmpty()) {
                out.add(new Violation(SYMBOLS, Rule.INVALID, "a symbol name must not be empty"));
                continue;
            }
            if (!s.isObject()) {
                out.add(new Violation(field, Rule.INVALID, "must be an object {" + SYMBOL_FIELD_LIST + "}"));
                continue;
            }
            for (Iterator<String> fit = s.fieldNames(); fit.hasNext(); ) {
                String f = fit.next();
                if (!SYMBOL_FIELDS.contains(f)) {
                    out.add(new Violation(field + "." + f, Rule.INVALID, "unknown field; allowed: "
                            + SYMBOL_FIELD_LIST));
                }
            }
            SymbolParams was = symbols.getOrDefault(symbol, new SymbolParams(false, SymbolParams.DEFAULT_SIZE_MULTIPLIER));
            boolean enabled = was.enabled();
            if (s.has(ENABLED)) {
                JsonNode en = s.get(ENABLED);
                if (!en.isBoolean()) {
                    out.add(new Violation(field + ".enabled", Rule.INVALID, "must be true or false"));
                } else {
                    enabled = en.booleanValue();
                }
            }
            double mult = s.has(MULTIPLIER) ? number(s, MULTIPLIER, true, out, field + ".")
                    : was.sizeMultiplier();
            symbols.put(symbol, new SymbolParams(enabled, mult));
        }
    }

    private static double number(JsonNode node, String name, boolean required, List<Violation> out) {
        return number(node, name, required, out, "");
    }

    private static double number(JsonNode node, String name, boolean required, List<Violation> out, String prefix) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                out.add(new Violation(prefix + name, Rule.INVALID, v == null ? "required" : "must be a number, not null"));
            }
            return Double.NaN;
        }
        if (!v.isNumber()) {
            out.add(new Violation(prefix + name, Rule.INVALID, "must be a number, got " + kind(v)));
            return Double.NaN;
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            out.add(new Violation(prefix + name, Rule.NOT_FINITE, "number too large: " + abbreviate(v.asText())));
        }
        return d;
    }

    private static Double optionalNumber(JsonNode node, String name, List<Violation> out) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        return number(node, name, true, out);
    }

    private static long integer(JsonNode node, String name, boolean required, List<Violation> out, long min, long max) {
        JsonNode v = node.get(name);
        if (v == null) {
            if (required) {
                out.add(new Violation(name, Rule.INVALID, "required"));
            }
            return 0;
        }
        if (!v.isNumber()) {
            out.add(new Violation(name, Rule.INVALID, "must be an integer, got " + kind(v)));
            return 0;
        }
        java.math.BigDecimal d = v.decimalValue();
        if (d.stripTrailingZeros().scale() > 0) {
            out.add(new Violation(name, Rule.INVALID, "must be an integer, got " + abbreviate(v.asText())));
            return 0;
        }
        if (d.compareTo(java.math.BigDecimal.valueOf(min)) < 0 || d.compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            out.add(new Violation(name, Rule.BOUNDS, abbreviate(v.asText()) + " is outside [" + min + ", " + max + "]"));
            return 0;
        }
        return d.longValueExact();
    }

    private static TradingMode mode(JsonNode node, boolean required, List<Violation> out) {
        JsonNode v = node.get(MODE);
        if (v == null) {
            if (required) {
                out.add(new Violation(MODE, Rule.INVALID, "required"));
            }
            return TradingMode.PAUSED;
        }
        TradingMode m = v.isTextual() ? TradingMode.fromWire(v.textValue()) : null;
        if (m == null) {
            out.add(new Violation(MODE, Rule.INVALID, "must be one of active, reduce_only, paused"));
            return TradingMode.PAUSED;
        }
        return m;
    }

    private static String text(JsonNode node, String name, List<Violation> out) {
        JsonNode v = node.get(name);
        if (v == null) {
            out.add(new Violation(name, Rule.INVALID, "required"));
            return "";
        }
        if (!v.isTextual()) {
            out.add(new Violation(name, Rule.INVALID, "must be a string, got " + kind(v)));
            return "";
        }
        return v.textValue();
    }

    private static Instant instant(JsonNode node, List<Violation> out) {
        JsonNode v = node.get("updated_at");
        if (v == null || !v.isTextual()) {
            out.add(new Violation("updated_at", Rule.INVALID, "must be an ISO-8601 UTC timestamp string"));
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(v.textValue());
        } catch (DateTimeParseException e) {
            out.add(new Violation("updated_at", Rule.INVALID, "not an ISO-8601 UTC timestamp"));
            return Instant.EPOCH;
        }
    }

    private static String kind(JsonNode v) {
        return switch (v.getNodeType()) {
            case STRING -> "a string";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** A value for an error message: at most 40 characters, so bad input cannot flood a reply or a log. */
    public static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
