package dev.leash.risk;

import java.util.Locale;

/**
 * Who a write speaks for; it decides which rules of the {@link ParamPolicy} apply.
 *
 * <p>Everyone is bound by the limits (ceilings, allowlist, symbol count, effective exposure) and needs an author and
 * a rationale. Only the {@link #OPERATOR} is free of the slow-rise rules (per-update steps, cooldown, daily count,
 * drift cap); {@link #SYSTEM} may only lower risk.
 */
public enum Principal {
    /** The person running the gateway: the gateway token on the REST API, or the command line. */
    OPERATOR,
    /** The model, through the MCP server and its model token: every slow-rise rule applies. */
    MODEL,
    /** An automatic action of the gateway itself (e.g. a scheduled reset): it may only lower risk. */
    SYSTEM,
    /** Whoever edited {@code ai_params.json} by hand: unauthenticated, so bound like the model. */
    FILE;

    /** The wire name: {@code operator}, {@code model}, {@code system} or {@code file}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; null for anything else. */
    public static Principal fromWire(String text) {
        for (Principal p : values()) {
            if (p.wireName().equals(text)) {
                return p;
            }
        }
        return null;
    }

    /** True when the per-update steps, the cooldown, the daily count and the drift cap bind this principal. */
    public boolean slowRise() {
        return this != OPERATOR;
    }
}
