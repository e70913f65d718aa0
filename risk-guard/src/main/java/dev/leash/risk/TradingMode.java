package dev.leash.risk;

import java.util.Locale;

/**
 * The trading mode requested by the parameters, ordered from least to most risk.
 *
 * <p>Moving to a higher ordinal is a risk increase.
 */
public enum TradingMode {
    PAUSED, REDUCE_ONLY, ACTIVE;

    /** The wire name: {@code paused}, {@code reduce_only} or {@code active}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name; returns null for anything else so callers can report it as a value. */
    public static TradingMode fromWire(String text) {
        if (text == null) {
            return null;
        }
        for (TradingMode mode : values()) {
            if (mode.wireName().equals(text)) {
                return mode;
            }
        }
        return null;
    }
}
