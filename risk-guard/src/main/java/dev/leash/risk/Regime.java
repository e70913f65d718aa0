package dev.leash.risk;

import java.util.Locale;

/**
 * The market-regime label of a symbol, computed deterministically from its indicators by the engine's regime rule;
 * {@link #UNKNOWN} until enough bars were seen.
 */
public enum Regime {
    TREND, RANGE, HIGH_VOLATILITY, UNKNOWN;

    /** The wire name: {@code trend}, {@code range}, {@code high_volatility} or {@code unknown}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The labels a strategy may name, as text: {@code trend, range, high_volatility}. */
    public static String labels() {
        return TREND.wireName() + ", " + RANGE.wireName() + ", " + HIGH_VOLATILITY.wireName();
    }

    /** The label with this wire name, or null; {@code unknown} is not a label a strategy may name. */
    public static Regime fromWire(String text) {
        for (Regime r : values()) {
            if (r != UNKNOWN && r.wireName().equals(text)) {
                return r;
            }
        }
        return null;
    }
}
