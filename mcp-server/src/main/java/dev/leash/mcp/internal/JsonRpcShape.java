package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** The structural check of one JSON-RPC 2.0 message (batches are not part of MCP since 2025-06-18). */
final class JsonRpcShape {

    private JsonRpcShape() {
    }

    /** What is wrong with {@code n} as a JSON-RPC message, or null when it is one. */
    static String problem(JsonNode n) {
        if (n != null && n.isArray()) {
            return "batches are not supported (MCP removed them in 2025-06-18); send one message at a time";
        }
        if (n == null || !n.isObject()) {
            return "a message must be a JSON object";
        }
        if (!"2.0".equals(n.path("jsonrpc").asText(null))) {
            return "\"jsonrpc\" must be \"2.0\"";
        }
        JsonNode id = n.get("id");
        if (id != null && !(id.isTextual() || id.isIntegralNumber())) {
            return "\"id\" must be a string or an integer";
        }
        JsonNode method = n.get("method");
        if (method != null) {
            if (!method.isTextual() || method.textValue().isEmpty()) {
                return "\"method\" must be a non-empty string";
            }
            JsonNode params = n.get("params");
            if (params != null && !params.isObject()) {
                return "\"params\" must be an object";
            }
            return null;
        }
        if (id != null && n.has("error")) {
            // The SDK's reader stops for good on an error it cannot map (java-sdk 2.1.0): refuse it here instead.
            JsonNode error = n.get("error");
            JsonNode code = error.path("code");
            if (!error.isObject() || !code.isMissingNode() && !(code.isIntegralNumber() && code.canConvertToInt())
                    || error.has("message") && !error.get("message").isTextual()) {
                return "\"error\" must be an object with an integer \"code\" and a string \"message\"";
            }
            return null;
        }
        if (id != null && n.has("result")) {
            return null;
        }
        return "a message needs \"method\" (request, notification) or \"id\" with \"result\"/\"error\" (response)";
    }

    /** The message's id when it is usable in an error response, else JSON null. */
    static JsonNode id(JsonNode n) {
        JsonNode id = n == null ? null : n.get("id");
        return id != null && (id.isTextual() || id.isIntegralNumber()) ? id : NullNode.getInstance();
    }
}
