package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.leash.mcp.internal.Schemas.object;
import static dev.leash.mcp.internal.Schemas.props;

/**
 * {@code get_fleet_state}: every gateway's equity, 24 h P&L, trading state, params version and health in one compact
 * answer, asked in parallel; a gateway that fails or does not answer within the bound is reported as such.
 */
final class FleetState {

    static final String NAME = "get_fleet_state";

    private FleetState() {
    }

    static SyncToolSpecification tool(Fleet fleet) {
        return LeashTool.read(NAME, "Every gateway's equity, 24h P&L, trading state, params version, positions,"
                        + " health; unreachable ones marked.",
                object(props()), call -> ToolResults.ok(state(fleet)));
    }

    /** Each gateway's line, in configured order; never waits longer than the fleet's call bound. */
    static ObjectNode state(Fleet fleet) {
        List<CompletableFuture<ObjectNode>> asks = new ArrayList<>();
        for (Fleet.Member m : fleet.members()) {
            asks.add(CompletableFuture.supplyAsync(() -> line(m), fleet.pool()));
        }
        long deadline = System.nanoTime() + fleet.callBound().toNanos();
        ObjectNode out = Json.object();
        ArrayNode gateways = out.putArray("gateways");
        for (int i = 0; i < asks.size(); i++) {
            Fleet.Member m = fleet.members().get(i);
            try {
                gateways.add(asks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                asks.get(i).cancel(true);
                gateways.add(unreachable(m, "no answer within " + fleet.callBound().toMillis() + " ms"));
            } catch (ExecutionException e) {
                gateways.add(unreachable(m, "failed inside the MCP server (" + e.getCause().getClass()
                        .getSimpleName() + ")"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                gateways.add(unreachable(m, "interrupted"));
            }
        }
        return out;
    }

    private static ObjectNode line(Fleet.Member m) {
        GatewayReply reply;
        try {
            reply = m.snapshot().get("/api/state", Map.of());
        } catch (GatewayException e) {
            return unreachable(m, m.gateway().redact(e.getMessage()));
        }
        ObjectNode o = Json.object();
        o.put("gateway", m.name());
        o.put("reachable", true);
        if (!reply.ok()) {
            o.put("error", m.gateway().redact(reply.detail()));
            return o;
        }
        JsonNode s = reply.body();
        copy(s, o, "equity");
        copy(s, o, "pnl_24h");
        copy(s, o, "trading_state");
        copy(s, o, "params_version");
        if (s.path("positions").isArray()) {
            o.put("positions", s.path("positions").size());
        }
        if (s.path("open_orders").isArray()) {
            o.put("open_orders", s.path("open_orders").size());
        }
        JsonNode health = s.path("health");
        if (health.has("status")) {
            o.set("health", health.get("status"));
        }
        if (health.has("venue")) {
            o.set("venue", health.get("venue"));
        }
        return o;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.has(field)) {
            to.set(field, from.get(field));
        }
    }

    private static ObjectNode unreachable(Fleet.Member m, String why) {
        ObjectNode o = Json.object();
        o.put("gateway", m.name());
        o.put("reachable", false);
        o.put("error", why);
        return o;
    }
}
