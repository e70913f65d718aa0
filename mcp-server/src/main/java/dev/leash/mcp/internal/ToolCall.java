package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.Implementation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The arguments of one tool call (already checked against the tool's schema) and who made it. */
record ToolCall(Map<String, Object> args, McpSyncServerExchange exchange) {

    /** The transport-context key of the authenticated principal (HTTP only). */
    static final String PRINCIPAL = "leash.principal";
    private static final int MAX_CLIENT = 60;

    ToolCall {
        args = args == null ? Map.of() : args;
    }

    boolean has(String name) {
        return args.get(name) != null;
    }

    Object get(String name) {
        return args.get(name);
    }

    /** The argument as a query-parameter value: lists comma-joined, integral numbers without a fraction. */
    String query(String name) {
        Object v = args.get(name);
        if (v instanceof List<?> list) {
            return list.stream().map(Objects::toString).collect(Collectors.joining(","));
        }
        if (v instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            return d.scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        return String.valueOf(v);
    }

    /**
     * The {@code X-Leash-Client} value: the client's self-declared name from {@code initialize}, and on HTTP the
     * principal of the bearer token, e.g. "Claude Code via mcp-token". Printable ASCII, at most 100 characters.
     */
    String clientName() {
        Implementation info = exchange == null ? null : exchange.getClientInfo();
        String name = info == null || info.name() == null || info.name().isBlank() ? "mcp client" : info.name();
        String clean = name.chars().map(c -> c >= 0x20 && c < 0x7f ? c : '?')
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
        if (clean.length() > MAX_CLIENT) {
            clean = clean.substring(0, MAX_CLIENT);
        }
        Object principal = exchange == null || exchange.transportContext() == null ? null
                : exchange.transportContext().get(PRINCIPAL);
        return principal == null ? clean : clean + " via " + principal;
    }
}
