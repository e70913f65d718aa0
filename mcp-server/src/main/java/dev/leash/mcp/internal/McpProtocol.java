package dev.leash.mcp.internal;

import io.modelcontextprotocol.spec.ProtocolVersions;

import java.util.List;

/** The MCP protocol versions Leash speaks, named by the SDK's constants rather than restated. */
public final class McpProtocol {

    /** The newest version the SDK knows; the answer to a client that asks for one the server does not speak. */
    public static final String LATEST = ProtocolVersions.MCP_2025_11_25;

    /** Streamable HTTP exists since 2025-03-26; the last entry is what an unknown request is answered with. */
    static final List<String> STREAMABLE_HTTP = List.of(ProtocolVersions.MCP_2025_03_26,
            ProtocolVersions.MCP_2025_06_18, LATEST);

    private McpProtocol() {
    }
}
