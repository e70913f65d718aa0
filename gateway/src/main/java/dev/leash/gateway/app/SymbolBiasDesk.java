package dev.leash.gateway.app;

import dev.leash.engine.Engine;
import dev.leash.engine.SymbolBias;
import dev.leash.gateway.loop.SymbolVeto;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Sets and clears the side vetoes on symbols: each is saved and journaled before the engine gets it, and in force on
 * the inner loop before it is acknowledged.
 */
public final class SymbolBiasDesk {

    private final Gateway gateway;
    private final SymbolVetoes vetoes;

    SymbolBiasDesk(Gateway gateway, SymbolVetoes vetoes) {
        this.gateway = gateway;
        this.vetoes = vetoes;
    }

    /**
     * Sets {@code veto}, replacing any on its symbol. Unless {@code mayLoosen}, a replacement must block every side the
     * veto in force blocks, at least as long: otherwise nothing changes and that veto is returned. Null when set.
     */
    public synchronized SymbolVeto set(SymbolVeto veto, boolean mayLoosen) throws IOException {
        long now = gateway.tradingTime();
        SymbolVeto old = vetoes.of(veto.symbol(), now);
        if (!mayLoosen && old != null && !veto.coversAll(old)) {
            return old;
        }
        vetoes.put(veto, now);
        gateway.journal().recordEvent(now, SymbolVetoes.EVENT, veto.by() + " set " + veto.symbol() + " "
                + veto.bias().wireName() + " until " + Instant.ofEpochMilli(veto.until()) + ": " + veto.rationale());
        apply(veto.symbol(), veto.bias(), veto.until());
        return null;
    }

    /** Clears the veto on {@code symbol}; the one cleared, or null when none was in force (nothing changes). */
    public synchronized SymbolVeto clear(String symbol, String author, String rationale) throws IOException {
        long now = gateway.tradingTime();
        SymbolVeto was = vetoes.remove(symbol, now);
        if (was != null) {
            gateway.journal().recordEvent(now, SymbolVetoes.EVENT, author + " cleared " + symbol + " "
                    + was.bias().wireName() + ": " + rationale);
            apply(symbol, null, 0);
        }
        return was;
    }

    /** The vetoes in force at the gateway's trading time now. */
    public List<SymbolVeto> active() {
        return vetoes.active(gateway.tradingTime());
    }

    private void apply(String symbol, SymbolBias bias, long until) throws IOException {
        gateway.onInnerLoop("applying the veto on " + symbol, (Engine e) -> {
            int i = e.indexOf(symbol);
            if (i < 0) {
                throw new IllegalArgumentException("the engine does not trade " + symbol);
            }
            e.setBias(i, bias, until);
            return true;
        });
    }
}
