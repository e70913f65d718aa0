package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An HTTP answer from the gateway with a JSON body: a result, or an {@code application/problem+json} problem.
 *
 * @param status the HTTP status
 * @param body   the parsed body
 * @param text   the body as compact JSON text: the gateway's own bytes when it sent a JSON object (it writes compact
 *               JSON), so a tool result need not serialize the tree again
 */
public record GatewayReply(int status, JsonNode body, String text) {

    /** A reply made here rather than read from the gateway: its text is the compact form of {@code body}. */
    static GatewayReply of(int status, JsonNode body) {
        return new GatewayReply(status, body, Json.compact(body));
    }

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The problem's {@code detail} (else its title, else the status) for a failed reply. */
    public String detail() {
        JsonNode d = body.get("detail");
        if (d != null && d.isTextual() && !d.textValue().isBlank()) {
            return d.textValue();
        }
        JsonNode t = body.get("title");
        return t != null && t.isTextual() ? t.textValue() : "HTTP " + status;
    }
}
