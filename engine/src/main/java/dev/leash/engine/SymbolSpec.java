package dev.leash.engine;

import java.util.Objects;

/**
 * What the engine needs to know about a symbol to size an order: the quantity step, the minimum quantity and the
 * minimum notional (quote). The venue's instrument rules map onto it; the engine never sees a venue type.
 */
public record SymbolSpec(String symbol, double lotStep, double minQty, double minNotional) {

    /** Length of the strategy's bar, milliseconds: 5 minutes. */
    public static final long BAR_MILLIS = 300_000L;

    public SymbolSpec {
        Objects.requireNonNull(symbol, "symbol");
        if (!(lotStep > 0) || !(minQty >= 0) || !(minNotional >= 0)) {
            throw new IllegalArgumentException(symbol + ": lot step must be positive and minimums not negative");
        }
    }
}
