package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeded generators of what a buggy or hostile MCP client sends: JSON-RPC messages of every shape, and tool arguments
 * derived from each tool's input schema (valid, at the bounds, just outside, far outside, wrong types, unknown keys).
 */
final class FuzzInputs {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final List<String> METHODS = List.of("initialize", "ping", "tools/list", "tools/call", "resources/list",
            "resources/read", "resources/templates/list", "prompts/list", "prompts/get", "logging/setLevel",
            "completion/complete", "resources/subscribe", "notifications/initialized", "notifications/cancelled",
            "notifications/progress", "notifications/roots/list_changed", "orders/place", "");
    private static final List<String> WORDS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "DOGEUSDT", "BTC-PERP", "btc",
            "active", "paused", "reduce_only", "24h", "7d", "leash://params/current", "leash://nope", "risk_check",
            "get_state", "update_params", "max_position_pct", "../../etc/passwd", "\u0000", "\u202e", "é", "🚀",
            "\"quoted\"", "\\", "<script>", "${jndi:ldap://x}", "%s%n", "null", "1e400", "NaN");

    private final Random rnd;

    FuzzInputs(long seed) {
        this.rnd = new Random(seed);
    }

    boolean chance(int oneIn) {
        return rnd.nextInt(oneIn) == 0;
    }

    <T> T pick(List<T> from) {
        return from.get(rnd.nextInt(from.size()));
    }

    /** Arguments for a tool with {@code schema}: mostly near the schema, sometimes anything at all. */
    ObjectNode arguments(JsonNode schema) {
        JsonNode v = forSchema(schema, 0);
        return v instanceof ObjectNode o ? o : F.objectNode();
    }

    private JsonNode forSchema(JsonNode schema, int depth) {
        if (depth > 0 && chance(10)) {
            return any(depth);
        }
        JsonNode e = schema.get("enum");
        if (e != null && e.isArray() && !chance(5)) {
            return e.get(rnd.nextInt(e.size()));
        }
        JsonNode t = schema.path("type");
        String type = t.isArray() ? t.get(rnd.nextInt(t.size())).asText() : t.asText("object");
        return switch (type) {
            case "number", "integer" -> number(schema, type.equals("integer"));
            case "string" -> string(schema);
            case "boolean" -> F.booleanNode(rnd.nextBoolean());
            case "null" -> F.nullNode();
            case "array" -> array(schema, depth);
            default -> object(schema, depth);
        };
    }

    private JsonNode number(JsonNode schema, boolean integer) {
        double min = schema.path("minimum").asDouble(-1e6);
        double max = schema.path("maximum").asDouble(1e6);
        return switch (rnd.nextInt(10)) {
            case 0 -> F.numberNode(min);
            case 1 -> F.numberNode(max);
            case 2 -> F.numberNode(min - (integer ? 1 : 0.01));
            case 3 -> F.numberNode(max + (integer ? 1 : 0.01));
            case 4 -> F.numberNode(pick(List.of(0.0, -1.0, 1e300, -1e300, 4.9e-324, 1e15)));
            case 5 -> DecimalNode.valueOf(new BigDecimal(pick(List.of("1e400", "-1e400", "1e-400",
                    "123456789012345678901234567890"))));
            case 6 -> F.numberNode(Long.MAX_VALUE);
            default -> integer ? F.numberNode((long) (min + rnd.nextDouble() * (max - min)))
                    : F.numberNode(Math.round((min + rnd.nextDouble() * (max - min)) * 100) / 100.0);
        };
    }

    private JsonNode string(JsonNode schema) {
        int max = schema.path("maxLength").asInt(100);
        return switch (rnd.nextInt(6)) {
            case 0 -> F.textNode("");
            case 1 -> F.textNode("x".repeat(max + 1 + rnd.nextInt(10)));
            case 2 -> F.textNode(randomText(1 + rnd.nextInt(40)));
            default -> F.textNode(pick(WORDS));
        };
    }

    private JsonNode array(JsonNode schema, int depth) {
        ArrayNode a = F.arrayNode();
        int n = chance(10) ? 25 : rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
            a.add(forSchema(schema.path("items"), depth + 1));
        }
        return a;
    }

    private JsonNode object(JsonNode schema, int depth) {
        ObjectNode o = F.objectNode();
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
            if (rnd.nextInt(3) != 0) {
                o.set(p.getKey(), forSchema(p.getValue(), depth + 1));
            }
        }
        JsonNode extra = schema.get("additionalProperties");
        if (extra != null && extra.isObject()) {
            for (int i = rnd.nextInt(3); i > 0; i--) {
                o.set(pick(WORDS), forSchema(extra, depth + 1));
            }
        }
        if (chance(6)) {
            o.set(chance(2) ? pick(WORDS) : randomText(8), any(depth + 1));
        }
        return o;
    }

    /** Any JSON value, nested up to a small depth. */
    JsonNode any(int depth) {
        int kinds = depth > 3 ? 6 : 8;
        return switch (rnd.nextInt(kinds)) {
            case 0 -> F.nullNode();
            case 1 -> F.booleanNode(rnd.nextBoolean());
            case 2 -> F.numberNode(rnd.nextInt(2001) - 1000);
            case 3 -> F.numberNode(rnd.nextGaussian() * 1e3);
            case 4 -> F.textNode(pick(WORDS));
            case 5 -> F.textNode(randomText(rnd.nextInt(20)));
            case 6 -> {
                ArrayNode a = F.arrayNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    a.add(any(depth + 1));
                }
                yield a;
            }
            default -> {
                ObjectNode o = F.objectNode();
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    o.set(chance(2) ? pick(WORDS) : randomText(6), any(depth + 1));
                }
                yield o;
            }
        };
    }

    /** Printable text with quotes, backslashes and non-ASCII, never a raw newline. */
    String randomText(int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(switch (rnd.nextInt(10)) {
                case 0 -> '"';
                case 1 -> '\\';
                case 2 -> (char) (0x80 + rnd.nextInt(0x700));
                case 3 -> '\t';
                default -> (char) (0x20 + rnd.nextInt(0x5f));
            });
        }
        return b.toString();
    }

    /** One message as a client might send it: mostly a JSON-RPC object, sometimes a batch, a scalar or not JSON. */
    String message(List<JsonNode> tools) {
        int kind = rnd.nextInt(20);
        if (kind == 0) {
            return pick(List.of("{", "{\"jsonrpc\":\"2.0\",", "nul", "[", "}", "{\"a\":1}}", "\"\\u00\"",
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"} x", randomText(30)));
        }
        if (kind == 1) {
            ArrayNode batch = F.arrayNode();
            for (int i = rnd.nextInt(3); i > 0; i--) {
                batch.add(jsonRpc(tools));
            }
            return batch.toString();
        }
        if (kind == 2) {
            return any(3).toString();
        }
        return jsonRpc(tools).toString();
    }

    private ObjectNode jsonRpc(List<JsonNode> tools) {
        ObjectNode m = F.objectNode();
        if (!chance(15)) {
            m.set("jsonrpc", chance(10) ? any(3) : F.textNode("2.0"));
        }
        if (!chance(5)) {
            m.set("id", chance(4) ? any(3) : F.numberNode(rnd.nextInt(1_000_000)));
        }
        if (chance(10)) {
            m.set(chance(2) ? "result" : "error", chance(2) ? any(1)
                    : F.objectNode().put("code", rnd.nextInt(100) - 50).put("message", randomText(5)));
            return m;
        }
        if (!chance(15)) {
            m.set("method", chance(10) ? any(3) : F.textNode(pick(METHODS)));
        }
        if (!chance(5)) {
            m.set("params", chance(8) ? any(2) : params(m.path("method").asText(""), tools));
        }
        return m;
    }

    private ObjectNode params(String method, List<JsonNode> tools) {
        ObjectNode p = F.objectNode();
        switch (method) {
            case "tools/call" -> {
                JsonNode tool = pick(tools);
                p.set("name", chance(10) ? any(3) : F.textNode(tool.path("name").asText()));
                p.set("arguments", chance(6) ? any(2) : arguments(tool.path("inputSchema")));
            }
            case "resources/read", "resources/subscribe" -> p.set("uri", chance(4) ? any(3) : F.textNode(pick(WORDS)));
            case "prompts/get" -> {
                p.set("name", chance(4) ? any(3) : F.textNode(pick(List.of("risk_check", "weekly_review", "x"))));
                p.set("arguments", any(2));
            }
            case "initialize" -> {
                p.put("protocolVersion", pick(List.of("2025-06-18", "2025-03-26", "1999-01-01")));
                p.set("capabilities", chance(4) ? any(2) : F.objectNode());
                p.set("clientInfo", chance(4) ? any(2) : F.objectNode().put("name", randomText(10)));
            }
            default -> {
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    p.set(pick(List.of("cursor", "level", "_meta", "requestId", "progressToken", "x")), any(2));
                }
            }
        }
        return p;
    }

    /** The tools of a {@code tools/list} result. */
    static List<JsonNode> tools(JsonNode toolsListResult) {
        List<JsonNode> out = new ArrayList<>();
        toolsListResult.path("tools").forEach(out::add);
        return out;
    }
}
