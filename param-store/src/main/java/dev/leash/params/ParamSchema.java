package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Ceilings;
import dev.leash.risk.Numbers;
import dev.leash.risk.ParamField;
import dev.leash.risk.Range;
import dev.leash.risk.TradingMode;

import java.util.Iterator;

/**
 * The JSON Schema of {@code ai_params.json}, generated from the {@link ParamField} table, and the schema of a
 * {@code changes} object derived from it, so the MCP tool and the REST API never restate the contract.
 */
public final class ParamSchema {

    /** Venue symbols as a JSON Schema pattern; agrees with {@code Symbols.isWellFormed}. */
    public static final String SYMBOL_PATTERN = "^[A-Z0-9-]{2,20}$";
    /** Most symbols one document may list. */
    public static final int MAX_SYMBOLS = 50;

    private static final ObjectNode DOCUMENT = build();

    private ParamSchema() {
    }

    /** The schema of a whole {@code ai_params.json} document (a fresh copy). */
    public static ObjectNode document() {
        return DOCUMENT.deepCopy();
    }

    /**
     * The schema of a {@code changes} object: the tunable properties of the document and a compact {@code strategy},
     * all optional, no unknown properties, at least one property.
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
        props.set(dev.leash.risk.StrategyBlock.STRATEGY, StrategySchema.change());
        ObjectNode schema = ParamsJson.MAPPER.createObjectNode();
        schema.put("type", "object");
        schema.put("description", "Fields of ai_params.json to change; omitted fields keep their value.");
        schema.set("properties", props);
        schema.put("additionalProperties", false);
        schema.put("minProperties", 1);
        return schema;
    }

    private static ObjectNode build() {
        ObjectNode s = object();
        s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        s.put("$id", "https://leash.dev/schema/ai_params.schema.json");
        s.put("title", "ai_params.json");
        s.put("description", "Strategy parameters of the Leash gateway. Every write is checked by risk-guard: these"
                + " bounds are the hard ceilings; the operator may tighten them, and increases are also limited per"
                + " update, by a " + Ceilings.INCREASE_COOLDOWN.toMinutes() + "-minute cooldown, "
                + Ceilings.MAX_INCREASES_PER_WINDOW + " per " + Ceilings.INCREASE_WINDOW.toHours() + " h and a "
                + Numbers.format(Ceilings.MAX_POSITION_PCT_DRIFT) + "-point drift cap on "
                + ParamField.MAX_POSITION_PCT.wireName() + ". Values carry at most " + Numbers.DECIMALS
                + " decimal places.");
        s.put("type", "object");
        s.put("additionalProperties", false);
        ArrayNode required = s.putArray("required");
        ObjectNode props = s.putObject("properties");
        required.add("version");
        props.set("version", object().put("type", "integer").put("minimum", 1)
                .put("description", "Monotonic version, set by the store; writes are compare-and-set on it."));
        for (ParamField f : ParamField.inScope(ParamField.Scope.GLOBAL)) {
            if (f.type() != ParamField.Type.OPTIONAL_NUMBER) {
                required.add(f.wireName());
            }
            props.set(f.wireName(), property(f));
        }
        required.add(ParamField.SYMBOLS);
        props.set(ParamField.SYMBOLS, symbols());
        props.set(dev.leash.risk.StrategyBlock.STRATEGY, StrategySchema.property());
        required.add("updated_by");
        props.set("updated_by", object().put("type", "string").put("maxLength", Ceilings.MAX_AUTHOR_CHARS)
                .put("description", "Author of the version, set by the store."));
        required.add("rationale");
        props.set("rationale", object().put("type", "string").put("maxLength", Ceilings.MAX_RATIONALE_CHARS)
                .put("description", "Why the version was written."));
        required.add("updated_at");
        props.set("updated_at", object().put("type", "string").put("format", "date-time")
                .put("description", "When the version was accepted (UTC)."));
        return s;
    }

    private static ObjectNode symbols() {
        ObjectNode perSymbol = object();
        for (ParamField f : ParamField.inScope(ParamField.Scope.PER_SYMBOL)) {
            perSymbol.set(f.wireName(), property(f));
        }
        ObjectNode entry = object().put("type", "object").put("additionalProperties", false);
        entry.set("properties", perSymbol);
        ObjectNode symbols = object().put("type", "object").put("description", "Per-symbol overrides, keyed by"
                + " venue symbol (e.g. BTCUSDT); only symbols on the operator's allowlist, at most "
                + Ceilings.MAX_ENABLED_SYMBOLS + " enabled. Enabling a symbol counts as a risk increase.");
        symbols.set("propertyNames", object().put("pattern", SYMBOL_PATTERN));
        symbols.put("maxProperties", MAX_SYMBOLS);
        symbols.set("additionalProperties", entry);
        return symbols;
    }

    /** The schema of one field: its JSON type, its hard range, and its meaning with its per-update step. */
    static ObjectNode property(ParamField f) {
        ObjectNode p = object();
        switch (f.type()) {
            case NUMBER -> p.put("type", "number");
            case OPTIONAL_NUMBER -> p.putArray("type").add("number").add("null");
            case INTEGER -> p.put("type", "integer");
            case BOOLEAN -> p.put("type", "boolean");
            case MODE -> {
                p.put("type", "string");
                ArrayNode modes = p.putArray("enum");
                TradingMode[] all = TradingMode.values();
                for (int i = all.length - 1; i >= 0; i--) {
                    modes.add(all[i].wireName());
                }
            }
            default -> throw new IllegalStateException("unknown type " + f.type());
        }
        if (f.ranged()) {
            Range r = f.ceilings();
            if (f.type() == ParamField.Type.INTEGER) {
                p.put("minimum", (long) r.floor()).put("maximum", (long) r.ceiling());
            } else {
                p.put("minimum", r.floor()).put("maximum", r.ceiling());
            }
        }
        p.put("description", describe(f));
        return p;
    }

    private static String describe(ParamField f) {
        ParamField.Step step = f.step();
        if (step.none()) {
            return f.description();
        }
        return f.description() + (step.fraction() ? " Changes at most " : " Rises at most ") + step.text()
                + " per update.";
    }

    private static ObjectNode object() {
        return ParamsJson.MAPPER.createObjectNode();
    }
}
