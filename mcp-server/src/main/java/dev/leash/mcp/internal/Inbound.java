package dev.leash.mcp.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCMessage;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;

import java.io.IOException;

/**
 * One message as a client sent it (a stdio line, an HTTP body), read once: the SDK's message, or the JSON-RPC error
 * that answers it, or nothing at all (only whitespace).
 *
 * @param tree      the parsed JSON (null when it did not parse or was empty)
 * @param message   the message, when it is one
 * @param errorCode -32700 (not JSON) or -32600 (not a JSON-RPC message), when it is not; 0 otherwise
 * @param error     the error's text, naming the problem
 */
record Inbound(JsonNode tree, JSONRPCMessage message, int errorCode, String error) {

    static Inbound read(byte[] bytes, McpJsonMapper mapper) throws IOException {
        JsonNode tree;
        try {
            tree = Json.STRICT.readTree(bytes);
        } catch (JsonProcessingException e) {
            return new Inbound(null, null, -32700, "Parse error: " + ErrorBodies.clean(e.getOriginalMessage(), 400));
        }
        if (tree == null || tree.isMissingNode()) {
            return new Inbound(null, null, 0, null);
        }
        String problem = JsonRpcShape.problem(tree);
        if (problem != null) {
            return new Inbound(tree, null, -32600, "Invalid Request: " + problem);
        }
        Class<? extends JSONRPCMessage> type = tree.has("method")
                ? tree.has("id") ? JSONRPCRequest.class : JSONRPCNotification.class
                : JSONRPCResponse.class;
        try {
            return new Inbound(tree, mapper.convertValue(tree, type), 0, null);
        } catch (IllegalArgumentException e) {
            return new Inbound(tree, null, -32600, "Invalid Request: not a JSON-RPC message");
        }
    }

    /** Only whitespace: nothing to answer. */
    boolean empty() {
        return message == null && error == null;
    }

    /** The id to answer an error with: the message's own when usable, else JSON null. */
    JsonNode errorId() {
        return JsonRpcShape.id(tree);
    }
}
