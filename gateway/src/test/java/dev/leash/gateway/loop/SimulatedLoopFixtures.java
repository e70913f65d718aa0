package dev.leash.gateway.loop;

import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.venue.sim.SyntheticMarket;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;

/** The symbols of the simulated venue's default market, and params trading all of them, for the inner-loop tests. */
final class SimulatedLoopFixtures {

    private SimulatedLoopFixtures() {
    }

    /** Every symbol of {@link SyntheticMarket#DEFAULT_SPECS}, in their order. */
    static Set<String> symbols() {
        Set<String> out = new LinkedHashSet<>();
        SyntheticMarket.DEFAULT_SPECS.forEach(s -> out.add(s.instrument().symbol()));
        return out;
    }

    /** Version 1, every symbol enabled at weight 1, 1 % max position, the given stop and breakout lookback. */
    static Params params(double stopLossPct, int lookback, String rationale) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (String s : symbols()) {
            symbols.put(s, new SymbolParams(true, 1.0));
        }
        return new Params(1, 1.0, stopLossPct, null, lookback, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test",
                rationale, Instant.EPOCH);
    }
}
