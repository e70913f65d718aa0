package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a request's {@code params} for the methods this server serves, checked on the tree already parsed
 * before the SDK maps it: the SDK's mapping throws on a wrong type (non-object {@code arguments}, a non-string
 * {@code uri}, no params at all), which it answers as an internal error carrying Jackson's message.
 */
final class RequestParams {

    private static final Set<String> LEVELS = Set.of("debug", "info", "notice", "warning", "error", "critical",
            "alert", "emergency");

    private RequestParams() {
    }

    /** What is wrong with the params of {@code request} (a valid JSON-RPC request), or null when nothing is. */
    static String problem(JsonNode request) {
        String method = request.path("method").asText();
        JsonNode params = request.get("params");
        JsonNode meta = params == null ? null : params.get("_meta");
        if (meta != null && !meta.isObject() && !meta.isNull()) {
            return "\"_meta\" must be an object";
        }
        return switch (method) {
            case "initialize" -> initialize(params);
            case "tools/call" -> first(text(params, "name", "a tool"), object(params, "arguments"));
            case "prompts/get" -> first(text(params, "name", "a prompt"), object(params, "arguments"));
            case "resources/read", "resources/subscribe", "resources/unsubscribe" -> text(params, "uri", "a resource");
            case "tools/list", "prompts/list", "resources/list", "resources/templates/list" -> cursor(params);
            case "logging/setLevel" -> level(params);
            default -> null;
        };
    }

    private static String initialize(JsonNode params) {
        if (params == null || !params.path("protocolVersion").isTextual() || !params.path("capabilities").isObject()
                || !params.path("clientInfo").path("name").isTextual()) {
            return "initialize needs protocolVersion (a string), capabilities (an object) and clientInfo with a "
                    + "name";
        }
        return null;
    }

    private static String first(String problem, String next) {
        return problem != null ? problem : next;
    }

    private static String text(JsonNode params, String field, String what) {
        JsonNode v = params == null ? null : params.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            return "\"" + field + "\" must be a non-empty string naming " + what;
        }
        return null;
    }

    private static String object(JsonNode params, String field) {
        JsonNode v = params == null ? null : params.get(field);
        return v == null || v.isNull() || v.isObject() ? null : "\"" + field + "\" must be an object";
    }

    private static String cursor(JsonNode params) {
        JsonNode v = params == null ? null : params.get("cursor");
        return v == null || v.isNull() || v.isTextual() ? null : "\"cursor\" must be a string";
    }

    private static String level(JsonNode params) {
        JsonNode v = params == null ? null : params.get("level");
        return v != null && v.isTextual() && LEVELS.contains(v.textValue()) ? null
                : "\"level\" must be one of " + new TreeSet<>(LEVELS);
    }
}
