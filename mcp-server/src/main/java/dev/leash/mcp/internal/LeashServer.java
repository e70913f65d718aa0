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
            + "one-paragraph rationale. Risk may go down at once and up only slowly. No tool places an order.";

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
        List<SyncToolSpecification> tools = tools(gateway, snapshot);
        if (metrics != null) {
            tools = tools.stream().map(t -> measured(t, metrics)).toList();
        }
        List<Map<String, Object>> proposals = tools.stream()
                .filter(t -> WriteTools.PROPOSALS.contains(t.tool().name())).map(t -> t.tool().inputSchema()).toList();
        return spec.serverInfo(NAME, VERSION)
                .instructions(INSTRUCTIONS)
                .jsonMapper(jsonMapper())
                .jsonSchemaValidator(ToolInputs.withSdkDefault(proposals))
                .capabilities(ServerCapabilities.builder().tools(false).resources(true, false).prompts(false)
                        .build())
                .tools(tools)
                .resources(new Resources(gateway, snapshot).all())
                .prompts(Prompts.all(gateway))
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
