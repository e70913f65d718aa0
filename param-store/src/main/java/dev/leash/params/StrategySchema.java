package dev.leash.params;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.ParamField;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Range;
import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;

/** The JSON Schema of the params' optional {@code strategy} object, generated from the one table of blocks. */
final class StrategySchema {

    private StrategySchema() {
    }

    /** The {@code strategy} property: null or absent for today's strategy, else one entry, filters and exits. */
    static ObjectNode property() {
        ObjectNode s = object();
        s.putArray("type").add("object").add("null");
        s.put("additionalProperties", false);
        s.putArray("required").add(StrategyBlock.ENTRY).add(StrategyBlock.EXITS);
        ObjectNode props = s.putObject("properties");
        props.set(StrategyBlock.ENTRY, choices(StrategyBlock.Kind.ENTRY));
        props.set(StrategyBlock.FILTERS, list(StrategyBlock.Kind.FILTER, 0, StrategyBlock.MAX_FILTERS));
        props.set(StrategyBlock.EXITS, list(StrategyBlock.Kind.EXIT, 1, StrategyBlock.MAX_EXITS));
        s.put("description", "The strategy that trades: one entry rule, up to " + StrategyBlock.MAX_FILTERS
                + " filters and up to " + StrategyBlock.MAX_EXITS + " exits, each block at most once, a "
                + StrategyBlock.STOP_LOSS.wireName() + " exit required. Absent or null: the Donchian breakout with "
                + ParamField.STOP_LOSS_PCT.wireName() + " and " + ParamField.TAKE_PROFIT_PCT.wireName() + "."
                + " Only the operator changes it; the model proposes strategies through propose_strategy.");
        return s;
    }

    /**
     * The {@code strategy} entry of a {@code changes} object, compact (every tool list carries it): a backtest may
     * try one, but only the operator sets it, so a model's update of it meets the policy's plain reason.
     */
    static ObjectNode change() {
        ObjectNode s = object();
        s.putArray("type").add("object").add("null");
        s.put("description", "A strategy object as in the params schema; a backtest may try one, update_params refuses"
                + " it: " + ParamPolicy.STRATEGY_BY_PROPOSAL + ".");
        return s;
    }

    private static ObjectNode list(StrategyBlock.Kind kind, int min, int max) {
        ObjectNode a = object().put("type", "array").put("minItems", min).put("maxItems", max);
        a.set("items", choices(kind));
        return a;
    }

    private static ObjectNode choices(StrategyBlock.Kind kind) {
        ObjectNode c = object();
        ArrayNode one = c.putArray("oneOf");
        for (StrategyBlock b : StrategyBlock.values()) {
            if (b.kind() == kind) {
                one.add(block(b));
            }
        }
        return c;
    }

    private static ObjectNode block(StrategyBlock b) {
        ObjectNode o = object().put("type", "object").put("additionalProperties", false);
        ArrayNode required = o.putArray("required").add(b.kind().key());
        ObjectNode props = o.putObject("properties");
        props.set(b.kind().key(), object().put("const", b.wireName()));
        for (StrategyField f : b.fields()) {
            required.add(f.wireName());
            props.set(f.wireName(), field(f));
        }
        o.put("description", b.description());
        return o;
    }

    private static ObjectNode field(StrategyField f) {
        ObjectNode p = object();
        switch (f.type()) {
            case NUMBER -> p.put("type", "number");
            case INTEGER -> p.put("type", "integer");
            case REGIMES -> {
                p.put("type", "array").put("minItems", 1).put("uniqueItems", true);
                p.putObject("items").putArray("enum").add(Regime.TREND.wireName()).add(Regime.RANGE.wireName())
                        .add(Regime.HIGH_VOLATILITY.wireName());
            }
            default -> throw new IllegalStateException("unknown type " + f.type());
        }
        if (f.ranged()) {
            Range r = f.ceilings();
            if (f.type() == StrategyField.Type.INTEGER) {
                p.put("minimum", (long) r.floor()).put("maximum", (long) r.ceiling());
            } else {
                p.put("minimum", r.floor()).put("maximum", r.ceiling());
            }
        }
        p.put("description", f.description() + (f.unit() == null || f.unit().isEmpty() ? "" : " (" + f.unit() + ")"));
        return p;
    }

    private static ObjectNode object() {
        return ParamsJson.MAPPER.createObjectNode();
    }
}
