package dev.leash.gateway.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile REST input: JSON bodies (random trees, mutated proposals, huge and odd numbers,
 * deep nesting, duplicate keys, truncation, raw bytes) and query strings (odd values, bad percent-encoding).
 */
final class FuzzInputs {

    static final List<String> FIELDS = List.of("max_position_pct", "stop_loss_pct", "take_profit_pct",
            "breakout_lookback", "max_leverage", "daily_loss_limit_pct", "trading_mode", "symbols", "version",
            "updated_by", "__proto__", "", "MAX_POSITION_PCT");
    static final List<String> TOP = List.of("changes", "rationale", "dry_run", "base_version", "mode", "symbols",
            "days", "constructor", "extra");
    static final List<String> NUMBERS = List.of("0", "-0", "0.5", "1", "2.5", "-1", "3", "20", "1e999999",
            "-1e999999", "1e-2147483649", "0.1e+99999999999", "123456789012345678901234567890123456789",
            "9223372036854775808", "-9223372036854775809", "4.9e-324", "1.7976931348623157e309", "1E2", "0.0000001",
            "100", "5.000000000000000000001");
    static final List<String> BROKEN = List.of("NaN", "Infinity", "-Infinity", "01", "1.", ".5", "+1", "0x10",
            "1e", "--1", "1_000", "tru", "nul", "'x'", "undefined");
    static final List<String> STRINGS = List.of("", " ", "active", "reduce_only", "paused", "halted", "BTCUSDT",
            "ETHUSDT", "DOGEUSDT", "\\u0000", "\\ud800", "</script><script>alert(1)</script>", "${jndi:ldap://x/a}",
            "../../etc/passwd", "%s%n%x", "\\\"quoted\\\"", "\u00e9\u4e2d\ud83d\ude80", "a\\nb\\r\\tc");
    static final List<String> QUERY_NAMES = List.of("limit", "since", "symbol", "symbols", "status", "window",
            "verbose", "LIMIT", "", "limit[]", "__proto__");
    static final List<String> QUERY_VALUES = List.of("", "1", "500", "501", "0", "-1", "abc", "1e3", "99999999999999",
            "BTCUSDT", "btcusdt", "BTCUSDT,ETHUSDT", ",,", "open", "all", "24h", "7d", "all", "1y",
            "2026-01-01T00:00:00Z", "2026-13-45T99:99:99Z", "%zz", "%", "%00", "%0d%0a", "%c0%af", "%ff%fe",
            "%e2%80%ae", "x".repeat(3000), "1;DROP TABLE trades", "%2e%2e%2f");

    private final Random random;

    FuzzInputs(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** A body as bytes: mostly text JSON of some kind, sometimes raw bytes. */
    byte[] body() {
        int kind = random.nextInt(20);
        String text;
        if (kind < 8) {
            text = proposal();
        } else if (kind < 11) {
            text = value(4);
        } else if (kind < 13) {
            text = corrupt(proposal());
        } else if (kind < 15) {
            text = deep();
        } else if (kind < 17) {
            text = duplicateKeys();
        } else if (kind < 18) {
            text = "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"" + "r".repeat(random.nextInt(80_000))
                    + "\"}";
        } else {
            byte[] b = new byte[random.nextInt(300)];
            random.nextBytes(b);
            return b;
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An object with the endpoints' top-level names, each holding a plausible or a hostile value. */
    String proposal() {
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
            String key = pick(TOP);
            b.append(i == 0 ? "" : ",").append('"').append(key).append("\":");
            b.append(key.equals("changes") ? changes() : topValue(key));
        }
        return b.append('}').toString();
    }

    private String topValue(String key) {
        return switch (key) {
            case "rationale", "mode" -> random.nextInt(4) == 0 ? value(2) : "\"" + pick(STRINGS) + "\"";
            case "dry_run" -> random.nextInt(3) == 0 ? value(1) : Boolean.toString(random.nextBoolean());
            case "base_version", "days" -> random.nextInt(3) == 0 ? value(1) : pick(NUMBERS);
            default -> value(3);
        };
    }

    private String changes() {
        if (random.nextInt(6) == 0) {
            return value(3);
        }
        StringBuilder b = new StringBuilder("{");
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String field = pick(FIELDS);
            b.append(i == 0 ? "" : ",").append('"').append(field).append("\":");
            if (field.equals("symbols") && random.nextBoolean()) {
                b.append("{\"").append(pick(STRINGS)).append("\":{\"enabled\":").append(value(1))
                        .append(",\"size_multiplier\":").append(pick(NUMBERS)).append("}}");
            } else if (field.equals("trading_mode")) {
                b.append('"').append(pick(STRINGS)).append('"');
            } else {
                b.append(random.nextInt(4) == 0 ? value(2) : pick(NUMBERS));
            }
        }
        return b.append('}').toString();
    }

    /** A random JSON value at most {@code depth} deep; numbers include out-of-range and malformed literals. */
    String value(int depth) {
        int k = random.nextInt(depth <= 0 ? 6 : 8);
        return switch (k) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> pick(NUMBERS);
            case 3 -> "\"" + pick(STRINGS) + "\"";
            case 4 -> random.nextInt(10) == 0 ? pick(BROKEN) : pick(NUMBERS);
            case 5 -> "\"" + pick(FIELDS) + "\"";
            case 6 -> {
                StringBuilder b = new StringBuilder("[");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append(value(depth - 1));
                }
                yield b.append(']').toString();
            }
            default -> {
                StringBuilder b = new StringBuilder("{");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    b.append(i == 0 ? "" : ",").append('"').append(random.nextBoolean() ? pick(TOP) : pick(FIELDS))
                            .append("\":").append(value(depth - 1));
                }
                yield b.append('}').toString();
            }
        };
    }

    /** Cut, a character swapped in, or a stray token appended. */
    String corrupt(String json) {
        int at = json.isEmpty() ? 0 : random.nextInt(json.length());
        return switch (random.nextInt(3)) {
            case 0 -> json.substring(0, at);
            case 1 -> json.substring(0, at) + "\"{}[],:\\\u0000\u007f".charAt(random.nextInt(10)) + json.substring(at);
            default -> json + pick(List.of("}", "]", ",", " x", "{}", "\u0000"));
        };
    }

    /** Arrays or objects nested up to several thousand deep. */
    String deep() {
        int n = 500 + random.nextInt(5000);
        if (random.nextBoolean()) {
            return "[".repeat(n) + "]".repeat(random.nextBoolean() ? n : n / 2);
        }
        return "{\"changes\":" + "{\"a\":".repeat(n) + "1" + "}".repeat(n) + ",\"rationale\":\"deep\"}";
    }

    String duplicateKeys() {
        return "{\"changes\":{\"max_position_pct\":0.4,\"max_position_pct\":4.9},\"rationale\":\"dup\","
                + "\"rationale\":\"dup\"}";
    }

    /** A request target: an endpoint and a raw (possibly badly encoded) query string. */
    String queryTarget(List<String> endpoints) {
        StringBuilder b = new StringBuilder(pick(endpoints));
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? '?' : '&').append(pick(QUERY_NAMES));
            if (random.nextInt(8) != 0) {
                b.append('=').append(pick(QUERY_VALUES));
            }
        }
        return b.toString().replace(" ", "%20");
    }
}
