package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.params.ParamSchema;

/** JSON Schema fragments for tool inputs: strict objects, bounded strings and numbers. */
final class Schemas {

    static final String SYMBOL_PATTERN = ParamSchema.SYMBOL_PATTERN;
    static final int MAX_RATIONALE = 4000;

    private Schemas() {
    }

    /** An object with exactly these properties, the listed ones required. */
    static ObjectNode object(ObjectNode properties, String... required) {
        ObjectNode o = Json.object();
        o.put("type", "object");
        o.set("properties", properties);
        o.put("additionalProperties", false);
        if (required.length > 0) {
            ArrayNode r = o.putArray("required");
            for (String name : required) {
                r.add(name);
            }
        }
        return o;
    }

    static ObjectNode props() {
        return Json.object();
    }

    /** A venue symbol; the server instructions say what one looks like, once rather than in every tool. */
    static ObjectNode symbol() {
        return Json.object().put("type", "string").put("pattern", SYMBOL_PATTERN);
    }

    static ObjectNode symbols() {
        ObjectNode a = Json.object().put("type", "array").put("minItems", 1).put("maxItems", 20)
                .put("uniqueItems", true).put("description", "All traded symbols when omitted");
        a.set("items", Json.object().put("type", "string").put("pattern", SYMBOL_PATTERN));
        return a;
    }

    static ObjectNode integer(long min, long max, String description) {
        return Json.object().put("type", "integer").put("minimum", min).put("maximum", max)
                .put("description", description);
    }

    static ObjectNode oneOf(String description, String... values) {
        ObjectNode s = Json.object().put("type", "string").put("description", description);
        ArrayNode e = s.putArray("enum");
        for (String v : values) {
            e.add(v);
        }
        return s;
    }

    static ObjectNode rationale() {
        return Json.object().put("type", "string").put("minLength", 1).put("maxLength", MAX_RATIONALE)
                .put("description", "One paragraph: the evidence, the change, the expected effect");
    }

    static ObjectNode since() {
        ObjectNode s = Json.object().put("minimum", 0).put("maxLength", 40)
                .put("description", "Fills at or after: epoch ms or ISO-8601 UTC");
        s.putArray("type").add("integer").add("string");
        return s;
    }

    /** The {@code changes} object: param-store's schema, not a copy of it. */
    static ObjectNode changes() {
        return ParamSchema.changes();
    }

    /**
     * The {@code changes} object as a second tool lists it: a pointer to {@code update_params}' one instead of 1 KB
     * of names and bounds repeated in {@code tools/list}. The tool's input is still checked against
     * {@link #changesWithoutFieldDescriptions()} ({@link #enforced}).
     */
    static ObjectNode changesAsInUpdateParams() {
        return Json.object().put("type", "object").put("minProperties", 1)
                .put("description", "Fields to change: the names, bounds and rules of update_params' changes");
    }

    /**
     * The schema a listed one is enforced as: {@code listed} with a {@link #changesAsInUpdateParams()} property
     * replaced by the full {@code changes} object (a {@code $ref} to it, e.g. candidates' items, follows), else
     * {@code listed} itself.
     */
    static java.util.Map<String, Object> enforced(java.util.Map<String, Object> listed) {
        com.fasterxml.jackson.databind.JsonNode changes = Json.tree(listed).path("properties").path("changes");
        if (!changes.equals(changesAsInUpdateParams())) {
            return listed;
        }
        ObjectNode full = ((ObjectNode) Json.tree(listed)).deepCopy();
        ((ObjectNode) full.get("properties")).set("changes", changesWithoutFieldDescriptions());
        return Json.toMap(full);
    }

    /**
     * The same {@code changes} object, bounds and all, without each field's description: what a second tool that
     * takes it is checked against.
     */
    static ObjectNode changesWithoutFieldDescriptions() {
        ObjectNode c = ParamSchema.changes();
        c.put("description", "Fields to change, as in update_params (same names and bounds)");
        stripDescriptions(c.path("properties"));
        return c;
    }

    private static void stripDescriptions(com.fasterxml.jackson.databind.JsonNode properties) {
        properties.forEach(field -> {
            if (field instanceof ObjectNode o) {
                o.remove("description");
                stripDescriptions(o.path("properties"));
                stripDescriptions(o.path("additionalProperties").path("properties"));
            }
        });
    }
}
