package dev.leash.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Shared test data: the allowlist, the hard-limit policy, a baseline and a fixed clock start. */
final class Fixtures {

    static final Set<String> ALLOWLIST = Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    static final ParamPolicy POLICY = new ParamPolicy(Limits.hard(ALLOWLIST));
    static final Instant T0 = Instant.parse("2025-01-06T00:00:00Z");
    static final Params BASELINE = new Params(1, 1.0, 2.0, 4.0, 20, 2.0, 3.0, TradingMode.ACTIVE,
            new TreeMap<>(Map.of("BTCUSDT", new SymbolParams(true, 1.0), "ETHUSDT", new SymbolParams(true, 1.0))),
            "operator", "baseline", T0);

    private Fixtures() {
    }

    /** Parses JSON written in a test; single quotes stand for double quotes to keep literals readable. */
    static JsonNode json(String text) {
        try {
            return ParamsJson.MAPPER.readTree(text.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
