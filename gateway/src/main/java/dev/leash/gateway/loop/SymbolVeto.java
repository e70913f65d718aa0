package dev.leash.gateway.loop;

import dev.leash.engine.SymbolBias;

import java.util.Objects;

/**
 * A side veto on one symbol as the gateway keeps it: the engine's {@link SymbolBias} until a trading time, with who
 * set it, why and when.
 *
 * @param until trading time in epoch milliseconds at which it lapses (exclusive)
 * @param since trading time in epoch milliseconds at which it was set
 */
public record SymbolVeto(String symbol, SymbolBias bias, long until, String rationale, String by, long since) {

    public SymbolVeto {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(bias, "bias");
        Objects.requireNonNull(rationale, "rationale");
        Objects.requireNonNull(by, "by");
    }

    /** True while it is in force at trading time {@code now}. */
    public boolean activeAt(long now) {
        return now < until;
    }

    /** True when it blocks every side {@code other} blocks, at least as long: replacing it lifts no block. */
    public boolean coversAll(SymbolVeto other) {
        boolean sides = (!other.bias.blocks(+1) || bias.blocks(+1)) && (!other.bias.blocks(-1) || bias.blocks(-1));
        return sides && until >= other.until;
    }
}
