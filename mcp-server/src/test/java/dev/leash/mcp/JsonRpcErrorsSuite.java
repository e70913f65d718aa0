package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed JSON-RPC and wrongly typed params get a JSON-RPC error with the right code and a plain message, and the
 * session keeps serving; run over each transport.
 */
abstract class JsonRpcErrorsSuite {

    /** Sends one request and returns its answer. */
    abstract JsonNode request(String message) throws Exception;

    /** Sends a message that gets no JSON-RPC answer on success (a response or notification); the HTTP body if any. */
    abstract JsonNode send(String message) throws Exception;

    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":\"after\",\"method\":\"ping\"}";

    static void assertError(JsonNode answer, int code, String... words) {
        assertThat(answer.path("jsonrpc").asText()).isEqualTo("2.0");
        assertThat(answer.path("error").path("code").asInt()).as(answer.toString()).isEqualTo(code);
        assertThat(answer.path("error").path("message").asText()).contains(words)
                .doesNotContain("Exception", "java.", "io.modelcontextprotocol", "Cannot deserialize", "\tat ");
    }

    private void assertStillServing() throws Exception {
        JsonNode pong = request(PING);
        assertThat(pong.path("id").asText()).as(pong.toString()).isEqualTo("after");
        assertThat(pong.has("result")).isTrue();
    }

    private static String call(String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\"" + (params == null ? "" : ",\"params\":"
                + params) + "}";
    }

    @Test
    void nonObjectToolArgumentsAreInvalidParams() throws Exception {
        for (String args : new String[] {"[1]", "\"x\"", "5", "true"}) {
            JsonNode answer = request(call("{\"name\":\"get_state\",\"arguments\":" + args + "}"));

            assertThat(answer.path("id").asInt()).isEqualTo(7);
            assertError(answer, -32602, "\"arguments\" must be an object");
        }
        assertStillServing();
    }

    @Test
    void aToolCallWithoutParamsOrWithANonStringNameIsInvalidParams() throws Exception {
        assertError(request(call(null)), -32602, "\"name\"");
        assertError(request(call("{\"name\":{}}")), -32602, "\"name\"");
        assertError(request(call("{\"name\":\"get_state\",\"_meta\":[1]}")), -32602, "\"_meta\"");
        assertStillServing();
    }

    @Test
    void resourceAndPromptRequestsWithWrongTypesAreInvalidParams() throws Exception {
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/read\",\"params\":{\"uri\":[1]}}"),
                -32602, "\"uri\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"resources/read\",\"params\":{}}"),
                -32602, "\"uri\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"prompts/get\",\"params\":"
                + "{\"name\":\"risk_check\",\"arguments\":[1]}}"), -32602, "\"arguments\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"prompts/get\"}"), -32602, "\"name\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/list\",\"params\":{\"cursor\":{}}}"),
                -32602, "\"cursor\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"logging/setLevel\",\"params\":"
                + "{\"level\":\"loud\"}}"), -32602, "\"level\"");
        assertStillServing();
    }

    @Test
    void anUnknownMethodIsMethodNotFound() throws Exception {
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"orders/place\",\"params\":{}}"), -32601,
                "orders/place");
        assertStillServing();
    }

    @Test
    void batchesWrongTypesAndAMissingMethodAreInvalidRequests() throws Exception {
        assertError(request("[" + PING + "," + PING + "]"), -32600, "batches are not supported");
        assertError(request("[]"), -32600, "batches are not supported");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}"), -32600, "\"id\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":5}"), -32600, "\"method\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":10}"), -32600, "\"method\"");
        assertError(request("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"ping\",\"params\":\"x\"}"), -32600,
                "\"params\"");
        assertError(request("\"just a string\""), -32600, "JSON object");
        assertStillServing();
    }

    @Test
    void aResponseToNoRequestIsRefusedOrIgnoredAndTheSessionKeepsServing() throws Exception {
        JsonNode refused = send("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":{}}");
        JsonNode refusedError = send("{\"jsonrpc\":\"2.0\",\"id\":998,\"error\":{\"code\":1,\"message\":\"m\"}}");

        if (refused != null) {
            assertError(refused, -32600, "999");
            assertError(refusedError, -32600, "998");
        }
        assertStillServing();
    }
}
