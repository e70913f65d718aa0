package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.leash.engine.SymbolBias;
import dev.leash.gateway.loop.SymbolVeto;
import dev.leash.journal.Journal;
import dev.leash.params.ParamsJson;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The side vetoes in force, saved in the journal's key/value state (one committed row) before any is acknowledged,
 * and read back at start. Saved vetoes that cannot be read restore as {@code flat} on every symbol for the
 * longest a veto may last: a restart never lifts a veto.
 */
final class SymbolVetoes {

    static final String KEY = "symbol_biases";
    /** The journal event kind of every set and clear. */
    static final String EVENT = "symbol_bias";
    /** The longest a veto may last. */
    static final long MAX_MILLIS = 24 * 3_600_000L;

    private final Journal journal;
    private final Map<String, SymbolVeto> vetoes = new TreeMap<>();

    private SymbolVetoes(Journal journal) {
        this.journal = journal;
    }

    /** What the last run saved that is still in force at trading time {@code now} for one of {@code symbols}. */
    static SymbolVetoes load(Journal journal, long now, List<String> symbols) {
        SymbolVetoes v = new SymbolVetoes(journal);
        String text = journal.getState(KEY).orElse(null);
        if (text == null) {
            return v;
        }
        try {
            for (JsonNode n : ParamsJson.MAPPER.readTree(text)) {
                SymbolVeto s = fromJson(n);
                if (s.activeAt(now) && symbols.contains(s.symbol())) {
                    v.vetoes.put(s.symbol(), s);
                }
            }
        } catch (IOException | RuntimeException e) {
            v.vetoes.clear();
            for (String symbol : symbols) {
                v.vetoes.put(symbol, new SymbolVeto(symbol, SymbolBias.FLAT, now + MAX_MILLIS,
                        "the saved vetoes could not be read; flat until the operator clears it", "restart", now));
            }
        }
        return v;
    }

    /** The vetoes in force at trading time {@code now}, by symbol. */
    synchronized List<SymbolVeto> active(long now) {
        List<SymbolVeto> out = new ArrayList<>();
        for (SymbolVeto s : vetoes.values()) {
            if (s.activeAt(now)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The veto on {@code symbol} in force at {@code now}, or null. */
    synchronized SymbolVeto of(String symbol, long now) {
        SymbolVeto s = vetoes.get(symbol);
        return s != null && s.activeAt(now) ? s : null;
    }

    /** Sets {@code veto}, replacing any on its symbol; durable when this returns, unchanged when saving fails. */
    synchronized void put(SymbolVeto veto, long now) {
        Map<String, SymbolVeto> next = new TreeMap<>(vetoes);
        next.put(veto.symbol(), veto);
        save(next, now);
    }

    /** Clears the veto on {@code symbol}; the one cleared (null when none was in force), durable when this returns. */
    synchronized SymbolVeto remove(String symbol, long now) {
        SymbolVeto was = of(symbol, now);
        Map<String, SymbolVeto> next = new TreeMap<>(vetoes);
        next.remove(symbol);
        if (was != null) {
            save(next, now);
        }
        return was;
    }

    private void save(Map<String, SymbolVeto> next, long now) {
        next.values().removeIf(s -> !s.activeAt(now));
        ArrayNode a = ParamsJson.MAPPER.createArrayNode();
        for (SymbolVeto s : next.values()) {
            a.addObject().put("symbol", s.symbol()).put("bias", s.bias().wireName()).put("until", s.until())
                    .put("rationale", s.rationale()).put("by", s.by()).put("since", s.since());
        }
        journal.putState(KEY, ParamsJson.compact(a));
        vetoes.clear();
        vetoes.putAll(next);
    }

    private static SymbolVeto fromJson(JsonNode n) {
        SymbolBias bias = SymbolBias.fromWire(n.path("bias").asText());
        if (bias == null || !n.path("symbol").isTextual() || !n.path("until").canConvertToLong()) {
            throw new IllegalArgumentException("a saved veto lacks its symbol, bias or until");
        }
        return new SymbolVeto(n.get("symbol").asText(), bias, n.get("until").asLong(), n.path("rationale").asText(""),
                n.path("by").asText(""), n.path("since").asLong(0));
    }
}
