package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Every tool over a fleet: each gateway's own tools, one per name, routed by a {@code gateway} argument that is
 * required when more than one gateway is configured. With one gateway the tools are that gateway's, unchanged (no
 * {@code gateway} property). Generic over the tools: whatever {@link LeashServer#tools} returns is routed.
 */
final class FleetTools {

    static final String ARG = "gateway";

    private FleetTools() {
    }

    /** The tools of {@code fleet}, each gateway's built by {@code perGateway}; {@code get_fleet_state} when several. */
    static List<SyncToolSpecification> tools(Fleet fleet,
                                             BiFunction<GatewayClient, Snapshot, List<SyncToolSpecification>> perGateway) {
        Fleet.Member first = fleet.first();
        List<SyncToolSpecification> template = perGateway.apply(first.gateway(), first.snapshot());
        if (!fleet.several()) {
            return template;
        }
        Map<String, Map<String, SyncToolSpecification>> byName = new LinkedHashMap<>();
        for (Fleet.Member m : fleet.members()) {
            List<SyncToolSpecification> own = m == first ? template : perGateway.apply(m.gateway(), m.snapshot());
            for (SyncToolSpecification t : own) {
                byName.computeIfAbsent(t.tool().name(), n -> new LinkedHashMap<>()).put(m.name(), t);
            }
        }
        List<SyncToolSpecification> out = new ArrayList<>();
        for (SyncToolSpecification t : template) {
            out.add(routed(t.tool(), byName.get(t.tool().name()), fleet.names()));
        }
        out.add(FleetState.tool(fleet));
        return out;
    }

    /** The tool with a required {@code gateway} enum, each call handed to that gateway's tool without it. */
    private static SyncToolSpecification routed(Tool t, Map<String, SyncToolSpecification> perName,
                                                List<String> names) {
        Tool tool = new Tool(t.name(), t.title(), t.description(), withGatewayArg(t.inputSchema(), names),
                t.outputSchema(), t.annotations(), t.meta(), t.icons());
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) ->
                route(exchange, request, perName, names)).build();
    }

    private static CallToolResult route(McpSyncServerExchange exchange, CallToolRequest request,
                                        Map<String, SyncToolSpecification> perName, List<String> names) {
        Map<String, Object> args = request.arguments() == null ? Map.of() : request.arguments();
        Object chosen = args.get(ARG);
        if (chosen == null) {
            return ToolResults.error(ARG + ": required, one of " + String.join(", ", names) + " (several gateways"
                    + " are configured); nothing was sent");
        }
        SyncToolSpecification target = chosen instanceof String s ? perName.get(s) : null;
        if (target == null) {
            return ToolResults.error(ARG + ": no gateway named '" + shown(chosen) + "'; one of "
                    + String.join(", ", names) + "; nothing was sent");
        }
        Map<String, Object> rest = new LinkedHashMap<>(args);
        rest.remove(ARG);
        return target.callHandler().apply(exchange, new CallToolRequest(request.name(), rest, request.meta()));
    }

    /**
     * A copy of {@code schema} with the {@code gateway} property added and required: only the enum of the names, as
     * it is repeated in every tool; what a gateway is and how to compare them is said once, in the instructions.
     */
    static Map<String, Object> withGatewayArg(Map<String, Object> schema, List<String> names) {
        ObjectNode o = ((ObjectNode) Json.tree(schema)).deepCopy();
        ObjectNode props = o.has("properties") ? (ObjectNode) o.get("properties") : o.putObject("properties");
        ObjectNode arg = props.putObject(ARG);
        names.forEach(arg.putArray("enum")::add);
        ArrayNode required = o.has("required") ? (ArrayNode) o.get("required") : o.putArray("required");
        required.add(ARG);
        return Json.toMap(o);
    }

    /** A client's value, printable and short, for an error message. */
    private static String shown(Object v) {
        String s = String.valueOf(v).chars().map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
