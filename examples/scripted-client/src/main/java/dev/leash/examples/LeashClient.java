package dev.leash.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A session with the Leash MCP server over Streamable HTTP, authenticated with its bearer token. Tool results come
 * back as the JSON the gateway answered ({@code structuredContent}); an {@code isError} result is a value, not an
 * exception, because a rejected proposal is an expected outcome.
 */
public final class LeashClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    private final McpSyncClient client;

    private LeashClient(McpSyncClient client) {
        this.client = client;
    }

    /** What one tool call answered: the structured JSON, whether it is an error, and the text for errors. */
    public record Reply(JsonNode json, boolean error, String text) {
    }

    /** Connects and initializes; {@code clientName} is what the gateway will journal as the author. */
    public static LeashClient connect(URI mcpUrl, String token, String clientName) {
        String base = mcpUrl.getScheme() + "://" + mcpUrl.getRawAuthority();
        String endpoint = mcpUrl.getRawPath() == null || mcpUrl.getRawPath().isEmpty() ? "/mcp" : mcpUrl.getRawPath();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base)
                .endpoint(endpoint)
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder(clientName, "1.0").build())
                .requestTimeout(REQUEST_TIMEOUT)
                .build();
        try {
            client.initialize();
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new LeashClient(client);
    }

    /** Calls a tool; a transport or protocol failure throws ({@code McpError}, {@code RuntimeException}). */
    public Reply call(String tool, Map<String, Object> arguments) {
        CallToolResult r = client.callTool(CallToolRequest.builder(tool).arguments(arguments).build());
        JsonNode json = r.structuredContent() == null ? JSON.createObjectNode() : JSON.valueToTree(r.structuredContent());
        String text = r.content() == null ? "" : r.content().stream()
                .filter(TextContent.class::isInstance).map(c -> ((TextContent) c).text()).findFirst().orElse("");
        return new Reply(json, Boolean.TRUE.equals(r.isError()), text);
    }

    /** Calls a read tool and insists it succeeded. */
    public JsonNode read(String tool, Map<String, Object> arguments) {
        Reply r = call(tool, arguments);
        if (r.error()) {
            throw new IllegalStateException(tool + " failed: " + r.text());
        }
        return r.json();
    }

    /** Proposes {@code changes} with a rationale through {@code update_params} (not a dry run). */
    public Reply updateParams(ObjectNode changes, String rationale) {
        return call("update_params", Map.of("changes", JSON.convertValue(changes, Map.class), "rationale",
                rationale));
    }

    /** The names of the server's tools. */
    public List<String> toolNames() {
        return client.listTools().tools().stream().map(McpSchema.Tool::name).toList();
    }

    @Override
    public void close() {
        client.closeGracefully();
    }
}
