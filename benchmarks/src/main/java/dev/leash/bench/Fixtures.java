package dev.leash.bench;

import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** Shared benchmark inputs: three symbols, the hard limits, and a valid parameter version. */
final class Fixtures {

    /** Symbol order of the engine: index 0 is BTCUSDT. */
    static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    /** When the current version was accepted. */
    static final Instant CURRENT_AT = Instant.parse("2026-01-15T10:00:00Z");

    private Fixtures() {
    }

    static Limits limits() {
        return Limits.hard(Set.copyOf(SYMBOLS));
    }

    /** A valid, active parameter version with all three symbols enabled. */
    static Params current() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        symbols.put("ETHUSDT", new SymbolParams(true, 0.8));
        symbols.put("SOLUSDT", new SymbolParams(true, 0.5));
        return new Params(41, 2.0, 2.0, 4.0, 20, 1.5, 2.0, TradingMode.ACTIVE, symbols, "operator",
                "starting point", CURRENT_AT);
    }

    /** Throws unless {@code p} satisfies the limits, so a benchmark never measures a reject by accident. */
    static Params requireValid(Params p, Limits limits) {
        List<Violation> violations = new ParamPolicy(limits).validate(p);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("benchmark parameters are invalid: " + violations);
        }
        return p;
    }
}
