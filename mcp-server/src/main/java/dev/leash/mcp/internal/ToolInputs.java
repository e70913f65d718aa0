package dev.leash.mcp.internal;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SDK's JSON Schema validator with one shortcut: a call without arguments (most read tools) is checked once per
 * schema, not once per call. Whether the empty object satisfies a schema is a fact about the schema, so the
 * shortcut gives exactly the delegate's answers; every call with arguments goes to the delegate.
 *
 * <p>The schemas of proposal tools ({@link WriteTools#PROPOSALS}) are not enforced here: those tools forward every
 * call to the gateway, whose policy refuses what the schema would and journals the refusal with its reasons. The
 * schema still tells the client what is accepted.
 *
 * <p>Tool schemas are fixed when the server is built, so the answers are kept per schema instance.
 */
final class ToolInputs implements JsonSchemaValidator {

    /** More schema instances than any server has tools: a bound in case a caller ever passes copies. */
    private static final int MAX_SCHEMAS = 256;

    private static final ValidationResponse JUDGED_BY_GATEWAY = ValidationResponse.asValid(null);

    private final JsonSchemaValidator delegate;
    private volatile String routeArg;
    private final Set<Map<String, Object>> judgedByGateway;
    private final Map<Map<String, Object>, ValidationResponse> empty =
            Collections.synchronizedMap(new IdentityHashMap<>());
    /** Listed schema instance to the one its input is checked against, where they differ ({@link Schemas#enforced}). */
    private final Map<Map<String, Object>, Map<String, Object>> enforced =
            Collections.synchronizedMap(new IdentityHashMap<>());

    ToolInputs(JsonSchemaValidator delegate) {
        this(delegate, List.of());
    }

    /** {@code judgedByGateway}: the schema instances (by identity) of tools whose input the gateway judges. */
    ToolInputs(JsonSchemaValidator delegate, List<Map<String, Object>> judgedByGateway) {
        this.delegate = delegate;
        this.judgedByGateway = Collections.newSetFromMap(new IdentityHashMap<>());
        this.judgedByGateway.addAll(judgedByGateway);
    }

    static ToolInputs withSdkDefault(List<Map<String, Object>> judgedByGateway) {
        return new ToolInputs(McpJsonDefaults.getSchemaValidator(), judgedByGateway);
    }

    /** These inputs, each of the {@code listed} tool schemas checked as {@link Schemas#enforced} makes it. */
    ToolInputs enforcing(List<Map<String, Object>> listed) {
        for (Map<String, Object> schema : listed) {
            Map<String, Object> full = Schemas.enforced(schema);
            if (full != schema) {
                enforced.put(schema, full);
            }
        }
        return this;
    }

    /**
     * These inputs, leaving a call whose {@code arg} (a fleet's {@code gateway}) is missing or not one of its
     * schema's enum to the tool, which refuses it naming every gateway and sends nothing ({@link FleetTools}).
     */
    ToolInputs routedBy(String arg) {
        this.routeArg = arg;
        return this;
    }

    @Override
    public ValidationResponse validate(Map<String, Object> listed, Object content) {
        if (judgedByGateway.contains(listed) || unrouted(listed, content)) {
            return JUDGED_BY_GATEWAY;
        }
        Map<String, Object> schema = listed == null ? null : enforced.getOrDefault(listed, listed);
        if (content instanceof Map<?, ?> m && m.isEmpty() && schema != null) {
            ValidationResponse known = empty.get(schema);
            if (known != null) {
                return known;
            }
            ValidationResponse answer = delegate.validate(schema, Map.of());
            if (empty.size() < MAX_SCHEMAS) {
                empty.put(schema, answer);
            }
            return answer;
        }
        return delegate.validate(schema, content);
    }

    /** Whether {@code schema} routes by {@link #routeArg} and {@code content} names none of its gateways. */
    private boolean unrouted(Map<String, Object> schema, Object content) {
        String arg = routeArg;
        if (arg == null || schema == null || !(schema.get("properties") instanceof Map<?, ?> props)
                || !(props.get(arg) instanceof Map<?, ?> property) || !(property.get("enum") instanceof List<?> names)) {
            return false;
        }
        return !(content instanceof Map<?, ?> m) || !names.contains(m.get(arg));
    }

    @Override
    public ValidationResponse validateSchema(Map<String, Object> schema) {
        return delegate.validateSchema(schema);
    }
}
