package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.leash.mcp.internal.Schemas.object;
import static dev.leash.mcp.internal.Schemas.props;

/** The write tools: parameter proposals, backtests and the trading mode. None places, cancels or sizes an order. */
final class WriteTools {

    /**
     * The tools whose calls are proposals: the gateway journals every one, so each call is forwarded as the client
     * sent it (unknown arguments included) and the gateway's policy, not the input schema, refuses what is wrong.
     */
    static final Set<String> PROPOSALS = Set.of("update_params", "set_trading_mode");
    /** Stands in for a number too large for a double: the gateway refuses it as too large, by name. */
    private static final BigDecimal TOO_LARGE = new BigDecimal("1e400");

    private final GatewayClient gateway;
    private final Snapshot snapshot;

    WriteTools(GatewayClient gateway, Snapshot snapshot) {
        this.gateway = gateway;
        this.snapshot = snapshot;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                LeashTool.write("update_params", "Propose bounded param changes with a rationale; risk-guard "
                                + "accepts or rejects each field. dry_run previews the verdict without applying.",
                        object(props().<ObjectNode>set("changes", Schemas.changes())
                                .<ObjectNode>set("rationale", Schemas.rationale())
                                .set("dry_run", Json.object().put("type", "boolean")
                                        .put("description", "Only check; change nothing (default false)")),
                                "changes", "rationale"),
                        false, call -> propose(call, "PUT", "/api/params")),
                LeashTool.write("backtest_params", "Backtest changes (or up to 8 candidates) against the current "
                                + "params on recent history, with a fit/test split; reports the window used and "
                                + "how many backtests ran in 24 h. Changes nothing.",
                        object(props().<ObjectNode>set("changes", Schemas.changesAsInUpdateParams())
                                .<ObjectNode>set("candidates", Json.object().put("type", "array")
                                        .put("minItems", 1).put("maxItems", 8)
                                        .put("description", "Instead of changes: up to 8 changes objects, each "
                                                + "compared with the current params")
                                        .set("items", Json.object().put("$ref", "#/properties/changes")))
                                .<ObjectNode>set("symbols", Schemas.symbols())
                                .set("days", Schemas.integer(1, 90, "Days of history (gateway default if omitted)"))),
                        true, call -> send(call, "POST", "/api/backtest", "changes", "candidates", "symbols",
                                "days")),
                LeashTool.write("set_trading_mode", "Set the trading mode. Toward paused/reduce_only is always "
                                + "allowed; toward active counts as a risk increase.",
                        object(props().<ObjectNode>set("mode", Schemas.oneOf("Trading mode", "active",
                                        "reduce_only", "paused"))
                                .set("rationale", Schemas.rationale()), "mode", "rationale"),
                        true, call -> propose(call, "POST", "/api/trading-mode")));
    }

    private CallToolResult send(ToolCall call, String method, String path, String... fields)
            throws GatewayException {
        ObjectNode body = Json.object();
        for (String f : fields) {
            if (call.has(f)) {
                body.set(f, Json.tree(call.get(f)));
            }
        }
        String bad = nonFinite(body, "");
        if (bad != null) {
            return ToolResults.error(bad + ": must be a finite number; nothing was sent");
        }
        return ToolResults.of(sent(method, path, body, call), gateway);
    }

    /** Sends a write; whatever came of it, the snapshot's answers are outdated (a timed-out write may have applied). */
    private GatewayReply sent(String method, String path, JsonNode body, ToolCall call) throws GatewayException {
        try {
            return gateway.send(method, path, body, call.clientName());
        } finally {
            snapshot.outdate();
        }
    }

    /** Sends every argument as the body; a non-finite number (it has no JSON form) as a number too large. */
    private CallToolResult propose(ToolCall call, String method, String path) throws GatewayException {
        return ToolResults.of(sent(method, path, finite(Json.tree(call.args())), call), gateway);
    }

    private static JsonNode finite(JsonNode n) {
        if (n.isNumber() && !Double.isFinite(n.doubleValue())) {
            return DecimalNode.valueOf(n.doubleValue() > 0 ? TOO_LARGE : TOO_LARGE.negate());
        }
        if (n instanceof ObjectNode o) {
            o.properties().forEach(e -> e.setValue(finite(e.getValue())));
        } else if (n instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, finite(a.get(i)));
            }
        }
        return n;
    }

    /** The path of the first NaN or infinite number in {@code n}, or null. */
    static String nonFinite(JsonNode n, String path) {
        if (n.isNumber() && !Double.isFinite(n.doubleValue())) {
            return path.isEmpty() ? "value" : path;
        }
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                String bad = nonFinite(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey());
                if (bad != null) {
                    return bad;
                }
            }
        }
        if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                String bad = nonFinite(n.get(i), path + "[" + i + "]");
                if (bad != null) {
                    return bad;
                }
            }
        }
        return null;
    }
}
