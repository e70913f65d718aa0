package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.ParamField;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One field that differs between two versions, by wire name (dotted for symbols), with both JSON values. */
public record FieldChange(String field, JsonNode from, JsonNode to) {

    /** Every tunable field (and the strategy object) that differs from {@code a} to {@code b}. */
    public static List<FieldChange> between(Params a, Params b) {
        ObjectNode x = ParamsJson.toJson(a);
        ObjectNode y = ParamsJson.toJson(b);
        List<FieldChange> out = new ArrayList<>();
        for (Iterator<String> it = y.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!ParamsJson.TUNABLE_FIELDS.contains(f) || f.equals(ParamField.SYMBOLS)) {
                continue;
            }
            if (!Objects.equals(x.get(f), y.get(f))) {
                out.add(new FieldChange(f, x.get(f), y.get(f)));
            }
        }
        String strategy = dev.leash.risk.StrategyBlock.STRATEGY;
        if (!Objects.equals(x.get(strategy), y.get(strategy))) { // null on a side without one: the default
            out.add(new FieldChange(strategy, x.get(strategy), y.get(strategy)));
        }
        JsonNode xs = x.get(ParamField.SYMBOLS);
        JsonNode ys = y.get(ParamField.SYMBOLS);
        java.util.SortedSet<String> names = new java.util.TreeSet<>();
        xs.fieldNames().forEachRemaining(names::add);
        ys.fieldNames().forEachRemaining(names::add);
        for (String s : names) {
            for (ParamField field : ParamField.inScope(ParamField.Scope.PER_SYMBOL)) {
                String f = field.wireName();
                JsonNode from = xs.has(s) ? xs.get(s).get(f) : null;
                JsonNode to = ys.has(s) ? ys.get(s).get(f) : null;
                if (!Objects.equals(from, to)) {
                    out.add(new FieldChange(field.of(s), from, to));
                }
            }
        }
        return out;
    }

    /** The changes as a JSON object {@code {field: {from, to}}}. */
    public static ObjectNode toJson(List<FieldChange> changes) {
        ObjectNode o = ParamsJson.MAPPER.createObjectNode();
        for (FieldChange c : changes) {
            ObjectNode e = o.putObject(c.field());
            e.set("from", c.from());
            e.set("to", c.to());
        }
        return o;
    }

    /** Reads what {@link #toJson} wrote. */
    public static List<FieldChange> fromJson(JsonNode node) {
        List<FieldChange> out = new ArrayList<>();
        if (node != null) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.add(new FieldChange(e.getKey(), e.getValue().get("from"), e.getValue().get("to")));
            }
        }
        return out;
    }
}
