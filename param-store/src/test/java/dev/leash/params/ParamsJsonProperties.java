package dev.leash.params;

import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ParamsJsonProperties {

    @Property(tries = 300)
    void everyDocumentRoundTripsThroughText(@ForAll("params") Params p) {
        ParamsJson.JsonParse tree = ParamsJson.readTree(ParamsJson.toText(p));

        assertThat(tree.error()).isNull();
        assertThat(ParamsJson.parseDocument(tree.node()).params()).isEqualTo(p);
    }

    @Property(tries = 200)
    void everyUnknownFieldIsNamed(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String field) {
        if (ParamsJson.TUNABLE_FIELDS.contains(field)) {
            return;
        }
        ParamsJson.Parsed p = ParamsJson.applyChanges(Fixtures.BASELINE,
                ParamsJson.MAPPER.createObjectNode().put(field, 1));

        assertThat(p.violations()).extracting(Violation::field).containsExactly(field);
    }

    @Provide
    Arbitrary<Params> params() {
        Arbitrary<Double> pct = fourDecimals(0.1, 50.0);
        Arbitrary<Double> takeProfit = fourDecimals(0.2, 50.0).injectNull(0.3);
        Arbitrary<Map<String, SymbolParams>> symbols = Arbitraries.maps(
                Arbitraries.of("BTCUSDT", "ETHUSDT", "SOLUSDT"),
                Combinators.combine(Arbitraries.of(true, false), fourDecimals(0.0, 1.5)).as(SymbolParams::new))
                .ofMaxSize(3);
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE), pct, pct, takeProfit,
                Arbitraries.integers().between(5, 200), fourDecimals(1.0, 3.0), Arbitraries.of(TradingMode.class),
                symbols).as((v, pos, stop, tp, lookback, lev, mode, syms) -> new Params(v, pos, stop, tp, lookback,
                lev, 3.0, mode, new TreeMap<>(syms), "author", "why \"quoted\"\n",
                Instant.ofEpochSecond(v % 4_000_000_000L, 123_000_000)));
    }

    private static Arbitrary<Double> fourDecimals(double min, double max) {
        return Arbitraries.bigDecimals().between(BigDecimal.valueOf(min), BigDecimal.valueOf(max)).ofScale(4)
                .map(BigDecimal::doubleValue);
    }
}
