package dev.leash.mcp.internal;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Assembles the Leash tools, resources and prompts onto an SDK server specification. */
public final class LeashServer {

    public static final String NAME = "leash";
    public static final String VERSION = "0.1.0";
    static final String INSTRUCTIONS = "Leash tunes a live trading gateway's strategy parameters within hard "
            + "ceilings. Read with the get_* tools; change params only with update_params (dry_run first) and a "
            + "one-paragraph rationale. Risk may go down at once and up only slowly. No tool places an order. "
            + "A symbol is the venue's, e.g. BTCUSDT.";

    private LeashServer() {
    }

    public static McpJsonMapper jsonMapper() {
        return McpJsonDefaults.getMapper();
    }

    /** Every tool, read and write, in a stable order. */
    public static List<SyncToolSpecification> tools(GatewayClient gateway, Snapshot snapshot) {
        List<SyncToolSpecification> all = new ArrayList<>(new ReadTools(gateway, snapshot).all());
        all.addAll(new WriteTools(gateway, snapshot).all());
        all.addAll(new BiasTools(gateway, snapshot).all());
        all.addAll(new StrategyTools(gateway, snapshot).all());
        return all;
    }

    /** A server whose every read is a round trip to the gateway. */
    public static McpSyncServer build(McpServer.SyncSpecification<?> spec, GatewayClient gateway) {
        return build(spec, gateway, Snapshot.none(gateway));
    }

    /** A server whose reads come from {@code snapshot} while it is fresh. */
    public static McpSyncServer build(McpServer.SyncSpecification<?> spec, GatewayClient gateway,
                                      Snapshot snapshot) {
        return build(spec, gateway, snapshot, null);
    }

    /** A server whose reads come from {@code snapshot} while it is fresh and whose tool calls {@code metrics} count. */
    public static McpSyncServer build(McpServer.SyncSpecification<?> spec, GatewayClient gateway,
                                      Snapshot snapshot, McpMetrics metrics) {
        return assemble(spec, tools(gateway, snapshot), new Resources(gateway, snapshot).all(),
                Prompts.all(gateway), INSTRUCTIONS, metrics);
    }

    /**
     * A server over every gateway of {@code fleet}: with several, each tool takes a {@code gateway} argument and
     * {@code get_fleet_state} answers for all; with one, exactly the single-gateway server.
     */
    public static McpSyncServer build(McpServer.SyncSpecification<?> spec, Fleet fleet, McpMetrics metrics) {
        return assemble(spec, FleetTools.tools(fleet, LeashServer::tools), FleetResources.all(fleet),
                Prompts.all(fleet), fleet.several() ? INSTRUCTIONS + fleetInstructions(fleet.names()) : INSTRUCTIONS,
                metrics);
    }

    /**
     * Added to the instructions when several gateways are fronted: what the {@code gateway} argument every tool
     * takes (an enum of these names, without a description of its own) means, said once.
     */
    static String fleetInstructions(List<String> names) {
        return " Several gateways are connected: " + String.join(", ", names) + ". Each is a separate trading bot"
                + " with its own account, params, ceilings and journal; every tool but get_fleet_state needs a gateway"
                + " argument naming the one it reads or changes, and a change to one leaves the others as they are."
                + " get_fleet_state compares them all.";
    }

    private static McpSyncServer assemble(McpServer.SyncSpecification<?> spec, List<SyncToolSpecification> tools,
                                          List<io.modelcontextprotocol.server.McpServerFeatures
                                                  .SyncResourceSpecification> resources,
                                          List<io.modelcontextprotocol.server.McpServerFeatures
                                                  .SyncPromptSpecification> prompts,
                                          String instructions, McpMetrics metrics) {
        if (metrics != null) {
            tools = tools.stream().map(t -> measured(t, metrics)).toList();
        }
        List<Map<String, Object>> proposals = tools.stream()
                .filter(t -> WriteTools.PROPOSALS.contains(t.tool().name())).map(t -> t.tool().inputSchema()).toList();
        return spec.serverInfo(NAME, VERSION)
                .instructions(instructions)
                .jsonMapper(jsonMapper())
                .jsonSchemaValidator(ToolInputs.withSdkDefault(proposals).routedBy(FleetTools.ARG)
                        .enforcing(tools.stream().map(t -> t.tool().inputSchema()).toList()))
                .capabilities(ServerCapabilities.builder().tools(false).resources(true, false).prompts(false)
                        .build())
                .tools(tools)
                .resources(resources)
                .prompts(prompts)
                .build();
    }

    /** The tool with each call counted and timed. */
    private static SyncToolSpecification measured(SyncToolSpecification t, McpMetrics metrics) {
        String name = t.tool().name();
        var handler = t.callHandler();
        return SyncToolSpecification.builder().tool(t.tool()).callHandler((exchange, request) -> {
            long start = System.nanoTime();
            CallToolResult r = null;
            try {
                r = handler.apply(exchange, request);
                return r;
            } finally {
                metrics.call(name, r == null || Boolean.TRUE.equals(r.isError()), System.nanoTime() - start);
            }
        }).build();
    }
}
