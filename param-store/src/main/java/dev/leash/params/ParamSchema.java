package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;

/**
 * The JSON Schema of {@code ai_params.json} ({@code ai_params.schema.json} in this module), and the schema of a
 * {@code changes} object derived from it, so the MCP tool and the REST API never restate the contract.
 */
public final class ParamSchema {

    public static final String RESOURCE = "/dev/leash/params/ai_params.schema.json";

    private static final ObjectNode DOCUMENT = load();

    private ParamSchema() {
    }

    /** The schema of a whole {@code ai_params.json} document (a fresh copy). */
    public static ObjectNode document() {
        return DOCUMENT.deepCopy();
    }

    /**
     * The schema of a {@code changes} object: the tunable properties of the document, all optional, no unknown
     * properties, at least one property.
     */
    public static ObjectNode changes() {
        ObjectNode props = ParamsJson.MAPPER.createObjectNode();
        JsonNode all = DOCUMENT.get("properties");
        for (Iterator<String> it = all.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (ParamsJson.TUNABLE_FIELDS.contains(name)) {
                props.set(name, all.get(name).deepCopy());
            }
        }
        ObjectNode schema = ParamsJson.MAPPER.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "Fields of ai_params.json to change; omitted fields keep their value.");
        schema.set("properties", props);
        schema.put("additionalProperties", false);
        schema.put("minProperties", 1);
        return schema;
    }

    private static ObjectNode load() {
        try (InputStream in = ParamSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return (ObjectNode) ParamsJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
