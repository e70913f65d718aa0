package dev.leash.gateway.strategies;

import java.util.Locale;

/** A stage of a proposed strategy; each is journaled once, with its figures. */
public enum Stage {
    /** Validated and journaled; the backtest runs next. */
    PROPOSED,
    /** Refused by the backtest gate (or it could not be judged); it never trades. */
    REJECTED,
    /** Passed the backtest gate; it runs as a {@code candidate:<id>} shadow book on live ticks. */
    SHADOWING,
    /** Became a new params version carrying it; the live book trades it. */
    PROMOTED,
    /** Its shadow ended without a promotion: worse than live, too few trades, or the operator's reject. */
    RETIRED;

    /** The wire and journal name: {@code proposed}, {@code rejected}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The stage of a wire name. */
    public static Stage of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }
}
