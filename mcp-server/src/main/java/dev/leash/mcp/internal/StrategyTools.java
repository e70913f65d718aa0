package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.util.List;
import java.util.Map;

import static dev.leash.mcp.internal.Schemas.object;
import static dev.leash.mcp.internal.Schemas.props;

/** The strategy pipeline's tools: propose a strategy, read its lineage. Neither places an order. */
final class StrategyTools {

    /** Longest rationale echoed in the lineage. */
    private static final int RATIONALE_CHARS = 160;

    private final GatewayClient gateway;
    private final Snapshot snapshot;

    StrategyTools(GatewayClient gateway, Snapshot snapshot) {
        this.gateway = gateway;
        this.snapshot = snapshot;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                LeashTool.write("propose_strategy", "Propose a strategy {entry, filters, exits}: backtest, shadow,"
                                + " promote.",
                        object(props().<ObjectNode>set("strategy", Json.object().put("type", "object"))
                                .set("rationale", Json.object().put("type", "string")),
                                "strategy", "rationale"),
                        false, this::propose),
                LeashTool.read("get_strategy_lineage", "Strategy ledger: parent, stage, figures.",
                        object(props()), call -> lineage()));
    }

    private CallToolResult propose(ToolCall call) throws GatewayException {
        ObjectNode body = Json.object();
        body.set("strategy", Json.tree(call.get("strategy")));
        body.set("rationale", Json.tree(call.get("rationale")));
        try {
            return ToolResults.of(gateway.send("POST", "/api/strategies", body, call.clientName()), gateway);
        } finally {
            snapshot.outdate();
        }
    }

    private CallToolResult lineage() throws GatewayException {
        GatewayReply reply = gateway.get("/api/strategies", Map.of());
        if (!reply.ok()) {
            return ToolResults.of(reply, gateway);
        }
        return ToolResults.ok(compact(reply.body()));
    }

    /** The ledger without repetition: the parent as its entry rule, short rationales, the figures that judge. */
    static ObjectNode compact(JsonNode ledger) {
        ObjectNode o = Json.object();
        o.put("live_params_version", ledger.path("live_params_version").asLong());
        ArrayNode list = o.putArray("strategies");
        for (JsonNode s : ledger.path("strategies")) {
            ObjectNode c = list.addObject();
            c.put("id", s.path("id").asLong());
            c.put("stage", s.path("stage").asText());
            c.set("strategy", s.path("strategy"));
            c.put("parent", s.path("parent").isNull() || s.path("parent").isMissingNode() ? "default breakout"
                    : s.path("parent").path("entry").path("rule").asText());
            c.put("proposed_by", s.path("proposed_by").asText());
            String why = s.path("rationale").asText();
            c.put("rationale", why.length() > RATIONALE_CHARS ? why.substring(0, RATIONALE_CHARS) + "..." : why);
            c.set("reasons", s.path("reasons"));
            copy(s, c, "backtest");
            copy(s, c, "shadow");
            if (s.has("promoted_params_version")) {
                c.put("promoted_params_version", s.path("promoted_params_version").asLong());
                copy(s, c, "live");
            }
        }
        return o;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode v = from.path(field);
        if (!v.isMissingNode() && !v.isNull()) {
            to.set(field, v);
        }
    }
}
