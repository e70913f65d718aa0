package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One tool: name, description, input schema and a handler that talks to the gateway. */
final class LeashTool {

    private static final Logger LOG = LoggerFactory.getLogger(LeashTool.class);

    /** The body of a tool. */
    interface Handler {
        CallToolResult call(ToolCall call) throws GatewayException;
    }

    private LeashTool() {
    }

    /**
     * A read-only tool over the gateway's closed world. The spec gives {@code destructiveHint} and
     * {@code idempotentHint} meaning only when {@code readOnlyHint} is false, so they are left out of tools/list.
     */
    static SyncToolSpecification read(String name, String description, ObjectNode schema, Handler handler) {
        return spec(name, description, schema, new ToolAnnotations(null, true, null, null, false, null), handler);
    }

    /** A tool that changes the gateway, never destructively; {@code readOnlyHint} false is the spec's default. */
    static SyncToolSpecification write(String name, String description, ObjectNode schema, boolean idempotent,
                                       Handler handler) {
        return spec(name, description, schema, new ToolAnnotations(null, null, false, idempotent, false, null),
                handler);
    }

    private static SyncToolSpecification spec(String name, String description, ObjectNode schema,
                                              ToolAnnotations annotations, Handler handler) {
        Tool tool = Tool.builder(name, Json.toMap(schema)).description(description)
                .annotations(annotations).build();
        return SyncToolSpecification.builder().tool(tool).callHandler((exchange, request) -> {
            try {
                return handler.call(new ToolCall(request.arguments(), exchange));
            } catch (GatewayException e) {
                LOG.warn("{}: {}", name, e.getMessage());
                return ToolResults.error(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("{} failed", name, e);
                return ToolResults.error(name + " failed inside the MCP server (" + e.getClass().getSimpleName()
                        + "); see its log");
            }
        }).build();
    }
}
