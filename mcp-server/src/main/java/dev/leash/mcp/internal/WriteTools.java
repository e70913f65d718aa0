package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.List;
import java.util.Map;

import static dev.leash.mcp.internal.Schemas.object;
import static dev.leash.mcp.internal.Schemas.props;

/** The write tools: parameter proposals, backtests and the trading mode. None places, cancels or sizes an order. */
final class WriteTools {

    private final GatewayClient gateway;

    WriteTools(GatewayClient gateway) {
        this.gateway = gateway;
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
                        false, call -> send(call, "PUT", "/api/params", "changes", "rationale", "dry_run")),
                LeashTool.write("backtest_params", "Backtest candidate changes against the current params on "
                                + "recent history; changes nothing.",
                        object(props().<ObjectNode>set("changes", Schemas.changes())
                                .<ObjectNode>set("symbols", Schemas.symbols())
                                .set("days", Schemas.integer(1, 90, "Days of history (gateway default if omitted)")),
                                "changes"),
                        true, call -> send(call, "POST", "/api/backtest", "changes", "symbols", "days")),
                LeashTool.write("set_trading_mode", "Set the trading mode. Toward paused/reduce_only is always "
                                + "allowed; toward active counts as a risk increase.",
                        object(props().<ObjectNode>set("mode", Schemas.oneOf("Trading mode", "active",
                                        "reduce_only", "paused"))
                                .set("rationale", Schemas.rationale()), "mode", "rationale"),
                        true, call -> send(call, "POST", "/api/trading-mode", "mode", "rationale")));
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
        return ToolResults.of(gateway.send(method, path, body, call.clientName()), gateway);
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
