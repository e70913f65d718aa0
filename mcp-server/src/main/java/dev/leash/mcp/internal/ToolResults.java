package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;

import java.io.IOException;

/**
 * Tool results: compact JSON as both structured content and text; errors as {@code isError} with a clear text.
 *
 * <p>The structured content is the JSON tree itself (the SDK's Jackson writes it as is), and a gateway answer's text
 * is the gateway's own compact JSON: a result is serialized once, by the transport.
 */
final class ToolResults {

    private ToolResults() {
    }

    static CallToolResult ok(JsonNode body) {
        return ok(body, Json.compact(body));
    }

    private static CallToolResult ok(JsonNode body, String text) {
        return CallToolResult.builder()
                .structuredContent(body)
                .addTextContent(text)
                .isError(false)
                .build();
    }

    /**
     * A gateway answer: its body when it succeeded, else its problem's detail as the error text. The gateway token
     * is masked wherever it might appear.
     */
    static CallToolResult of(GatewayReply reply, GatewayClient client) {
        String text = client.redact(reply.text());
        JsonNode body = text.equals(reply.text()) ? reply.body() : tree(text);
        if (reply.ok()) {
            return ok(body, text);
        }
        return error(client.redact(reply.detail()), body);
    }

    private static JsonNode tree(String redactedText) {
        try {
            return Json.MAPPER.readTree(redactedText);
        } catch (IOException e) {
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
                .structuredContent(structured)
                .addTextContent(message)
                .isError(true)
                .build();
    }
}
