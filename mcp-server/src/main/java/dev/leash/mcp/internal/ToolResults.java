package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

/** Tool results: compact JSON as both structured content and text; errors as {@code isError} with a clear text. */
final class ToolResults {

    private ToolResults() {
    }

    static CallToolResult ok(JsonNode body) {
        return CallToolResult.builder()
                .structuredContent(Json.toMap(body))
                .addTextContent(Json.compact(body))
                .isError(false)
                .build();
    }

    /**
     * A gateway answer: its body when it succeeded, else its problem's detail as the error text. The gateway token
     * is masked wherever it might appear.
     */
    static CallToolResult of(GatewayReply reply, GatewayClient client) {
        JsonNode body = redacted(reply.body(), client);
        if (reply.ok()) {
            return ok(body);
        }
        return error(client.redact(reply.detail()), body);
    }

    private static JsonNode redacted(JsonNode body, GatewayClient client) {
        String text = Json.compact(body);
        String clean = client.redact(text);
        if (clean.equals(text)) {
            return body;
        }
        try {
            return Json.MAPPER.readTree(clean);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a redacted JSON text could not be read back", e);
        }
    }

    static CallToolResult error(String message) {
        return error(message, null);
    }

    /** An error result; {@code details} (e.g. the reasons of a rejected proposal) become the structured content. */
    static CallToolResult error(String message, JsonNode details) {
        ObjectNode structured = details instanceof ObjectNode o ? o.deepCopy() : Json.object();
        structured.put("error", message);
        return CallToolResult.builder()
                .structuredContent(Json.toMap(structured))
                .addTextContent(message)
                .isError(true)
                .build();
    }
}
