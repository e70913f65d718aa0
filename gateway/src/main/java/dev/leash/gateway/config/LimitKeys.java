package dev.leash.gateway.config;

import dev.leash.risk.ParamField;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The keys of the configuration's {@code limits} mapping: a range per ranged {@link ParamField}, plus order checks. */
final class LimitKeys {

    /** The keys that are not fields of the parameters. */
    static final List<String> ORDER_CHECKS = List.of("max_enabled_symbols", "max_orders_per_minute", "price_band_pct",
            "max_order_notional");

    private LimitKeys() {
    }

    /** The fields whose range the operator may tighten, by JSON name, in the order the limits publish them. */
    static List<String> tightenable() {
        List<String> out = new ArrayList<>();
        ParamField.rangedFields().forEach(f -> out.add(f.wireName()));
        return out;
    }

    /** Every key {@code limits} may hold. */
    static Set<String> all() {
        List<String> out = new ArrayList<>(tightenable());
        out.addAll(ORDER_CHECKS);
        return Set.copyOf(out);
    }
}
