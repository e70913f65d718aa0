package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.Resource;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Read-only resources, read from the gateway (through the {@link Snapshot} while it is fresh). */
final class Resources {

    static final String MIME = "application/json";

    private final GatewayClient gateway;
    private final Snapshot snapshot;

    Resources(GatewayClient gateway, Snapshot snapshot) {
        this.gateway = gateway;
        this.snapshot = snapshot;
    }

    List<SyncResourceSpecification> all() {
        return List.of(
                resource(StateNotifier.URI, "state", "Equity, positions, open orders, trading state and params "
                                + "version; subscribe to be told when the state, params version or positions change.",
                        "/api/state", Map.of(), UnaryOperator.identity()),
                resource("leash://params/current", "current-params", "The current ai_params.json.",
                        "/api/params", Map.of(), body -> body.path("params")),
                resource("leash://params/ceilings", "ceilings", "Hard floors and ceilings, allowlist, increase rules.",
                        "/api/params", Map.of(), body -> body.path("ceilings")),
                resource("leash://params/history", "param-history", "Accepted param versions with outcomes.",
                        "/api/params/history", Map.of("limit", "50"), UnaryOperator.identity()),
                resource("leash://trades/recent", "recent-trades", "The 50 most recent fills.",
                        "/api/trades", Map.of("limit", "50"), UnaryOperator.identity()));
    }

    private SyncResourceSpecification resource(String uri, String name, String description, String path,
                                               Map<String, String> query, UnaryOperator<JsonNode> select) {
        Resource r = Resource.builder(uri, name).description(description).mimeType(MIME).build();
        return new SyncResourceSpecification(r, (exchange, request) -> {
            GatewayReply reply;
            try {
                reply = snapshot.get(path, query);
            } catch (GatewayException e) {
                throw failure(e.getMessage());
            }
            if (!reply.ok()) {
                throw failure(gateway.redact(reply.detail()));
            }
            String text = Json.compact(select.apply(reply.body()));
            return ReadResourceResult.builder(List.of(TextResourceContents.builder(uri, text).mimeType(MIME).build()))
                    .build();
        });
    }

    private static McpError failure(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message(message).build();
    }
}
