package dev.leash.engine;

import java.util.Locale;

/**
 * The model's veto of a side of one symbol's market for a while: it only ever blocks new positions, never an exit,
 * a stop or a flatten.
 */
public enum SymbolBias {
    /** No new shorts (nor reversals into a short). */
    LONG_ONLY,
    /** No new longs (nor reversals into a long). */
    SHORT_ONLY,
    /** No new position on either side. */
    FLAT;

    /** The name on the wire: {@code long_only}, {@code short_only}, {@code flat}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bias named {@code wire}, or null when there is none. */
    public static SymbolBias fromWire(String wire) {
        for (SymbolBias b : values()) {
            if (b.wireName().equals(wire)) {
                return b;
            }
        }
        return null;
    }

    /** True when this bias forbids opening a position in direction {@code dir} (+1 long, -1 short). */
    public boolean blocks(int dir) {
        return this == FLAT || (this == LONG_ONLY ? dir < 0 : dir > 0);
    }
}
