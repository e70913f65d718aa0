package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.List;

import static dev.leash.mcp.internal.Schemas.object;
import static dev.leash.mcp.internal.Schemas.props;

/** The risk narrator's tool: a side veto on one symbol for at most 24 h. It only ever removes exposure. */
final class BiasTools {

    private final GatewayClient gateway;
    private final Snapshot snapshot;

    BiasTools(GatewayClient gateway, Snapshot snapshot) {
        this.gateway = gateway;
        this.snapshot = snapshot;
    }

    List<SyncToolSpecification> all() {
        ObjectNode text = Json.object().put("type", "string");
        return List.of(LeashTool.write("set_symbol_bias", "Veto new entries on one side of a symbol until a time"
                        + " (ISO-8601 UTC or 30m/4h from now; max 24h): long_only blocks shorts, short_only longs,"
                        + " flat both. Exits still run; only the operator lifts it early.",
                object(props().<ObjectNode>set("symbol", text.deepCopy().put("pattern", Schemas.SYMBOL_PATTERN))
                                .<ObjectNode>set("bias", Json.object().set("enum", Json.MAPPER.createArrayNode()
                                        .add("long_only").add("short_only").add("flat")))
                                .<ObjectNode>set("until", text.deepCopy().put("maxLength", 40))
                                .set("rationale", text.deepCopy().put("minLength", 1)
                                        .put("maxLength", Schemas.MAX_RATIONALE)),
                        "symbol", "bias", "until", "rationale"),
                true, this::set));
    }

    private CallToolResult set(ToolCall call) throws GatewayException {
        try {
            return ToolResults.of(gateway.send("POST", "/api/symbol-bias", Json.tree(call.args()), call.clientName()),
                    gateway);
        } finally {
            snapshot.outdate();
        }
    }
}
