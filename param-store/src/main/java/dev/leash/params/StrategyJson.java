package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.BlockSpec;
import dev.leash.risk.Regime;
import dev.leash.risk.Rule;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import dev.leash.risk.Violation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code strategy} object of the params on the wire: strict parsing into a {@link StrategySpec} (unknown blocks
 * and keys, wrong types are {@link Violation}s naming the dotted field), and writing it back. Ranges and counts are
 * {@link dev.leash.risk.StrategyRules}' to check.
 */
public final class StrategyJson {

    private static final String AT = StrategyBlock.STRATEGY;

    private StrategyJson() {
    }

    /** The strategy in {@code node}, or null with the problems added to {@code out}. */
    public static StrategySpec parse(JsonNode node, List<Violation> out) {
        if (node == null || !node.isObject()) {
            out.add(new Violation(AT, Rule.INVALID, "must be an object {entry, filters, exits}"));
            return null;
        }
        int before = out.size();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!f.equals(StrategyBlock.ENTRY) && !f.equals(StrategyBlock.FILTERS) && !f.equals(StrategyBlock.EXITS)) {
                out.add(new Violation(AT + "." + ParamsJson.abbreviate(f), Rule.INVALID,
                        "unknown field; allowed: entry, filters, exits"));
            }
        }
        BlockSpec entry = block(node.get(StrategyBlock.ENTRY), StrategyBlock.Kind.ENTRY,
                AT + "." + StrategyBlock.ENTRY, out);
        List<BlockSpec> filters = list(node, StrategyBlock.FILTERS, StrategyBlock.Kind.FILTER, out);
        List<BlockSpec> exits = list(node, StrategyBlock.EXITS, StrategyBlock.Kind.EXIT, out);
        return out.size() == before ? new StrategySpec(entry, filters, exits) : null;
    }

    private static List<BlockSpec> list(JsonNode node, String name, StrategyBlock.Kind kind, List<Violation> out) {
        JsonNode array = node.get(name);
        String at = AT + "." + name;
        List<BlockSpec> blocks = new ArrayList<>();
        if (array == null && kind == StrategyBlock.Kind.FILTER) {
            return blocks;
        }
        if (array == null || !array.isArray()) {
            out.add(new Violation(at, Rule.INVALID, array == null ? "required" : "must be an array of {"
                    + kind.key() + ", ...}"));
            return blocks;
        }
        for (int i = 0; i < array.size(); i++) {
            BlockSpec b = block(array.get(i), kind, at + "[" + i + "]", out);
            if (b != null) {
                blocks.add(b);
            }
        }
        return blocks;
    }

    private static BlockSpec block(JsonNode node, StrategyBlock.Kind kind, String at, List<Violation> out) {
        if (node == null || !node.isObject()) {
            out.add(new Violation(at, Rule.INVALID, node == null ? "required" : "must be an object {" + kind.key()
                    + ", ...}"));
            return null;
        }
        JsonNode name = node.get(kind.key());
        StrategyBlock block = name != null && name.isTextual()
                ? StrategyBlock.byWireName(kind, name.textValue()) : null;
        if (block == null) {
            out.add(new Violation(at + "." + kind.key(), Rule.INVALID, (name == null ? "required"
                    : "unknown " + kind.key() + " " + ParamsJson.abbreviate(name.toString()))
                    + "; one of " + StrategyBlock.names(kind)));
            return null;
        }
        Map<StrategyField, Double> numbers = new EnumMap<>(StrategyField.class);
        Set<Regime> regimes = EnumSet.noneOf(Regime.class);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (e.getKey().equals(kind.key())) {
                continue;
            }
            StrategyField f = StrategyField.of(block, e.getKey());
            String field = at + "." + ParamsJson.abbreviate(e.getKey());
            if (f == null) {
                out.add(new Violation(field, Rule.INVALID, "unknown field of " + block.wireName() + "; allowed: "
                        + block.fields().stream().map(StrategyField::wireName).toList()));
            } else if (f.type() == StrategyField.Type.REGIMES) {
                regimes(e.getValue(), field, regimes, out);
            } else if (!e.getValue().isNumber()) {
                out.add(new Violation(field, Rule.INVALID, "must be a number"));
            } else {
                numbers.put(f, e.getValue().doubleValue());
            }
        }
        return new BlockSpec(block, numbers, regimes);
    }

    private static void regimes(JsonNode v, String field, Set<Regime> regimes, List<Violation> out) {
        if (!v.isArray()) {
            out.add(new Violation(field, Rule.INVALID, "must be an array of " + Regime.labels()));
            return;
        }
        for (JsonNode label : v) {
            Regime r = label.isTextual() ? Regime.fromWire(label.textValue()) : null;
            if (r == null) {
                out.add(new Violation(field, Rule.INVALID, "unknown regime " + ParamsJson.abbreviate(label.toString())
                        + "; one of " + Regime.labels()));
                return;
            }
            regimes.add(r);
        }
    }

    /** The strategy as JSON, blocks and their fields in the table's order. */
    public static ObjectNode toJson(StrategySpec s) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.set(StrategyBlock.ENTRY, block(s.entry()));
        ArrayNode filters = o.putArray(StrategyBlock.FILTERS);
        s.filters().forEach(b -> filters.add(block(b)));
        ArrayNode exits = o.putArray(StrategyBlock.EXITS);
        s.exits().forEach(b -> exits.add(block(b)));
        return o;
    }

    private static ObjectNode block(BlockSpec b) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put(b.block().kind().key(), b.block().wireName());
        for (StrategyField f : b.block().fields()) {
            if (f.type() == StrategyField.Type.REGIMES) {
                ArrayNode labels = o.putArray(f.wireName());
                b.regimes().forEach(r -> labels.add(r.wireName()));
            } else if (b.numbers().containsKey(f)) {
                double v = b.number(f);
                if (f.type() == StrategyField.Type.INTEGER && v == Math.rint(v) && Math.abs(v) < 1e15) {
                    o.put(f.wireName(), (long) v);
                } else {
                    o.put(f.wireName(), v);
                }
            }
        }
        return o;
    }
}
