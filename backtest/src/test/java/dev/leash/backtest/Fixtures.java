package dev.leash.backtest;

import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bars and parameters shared by the backtest tests. */
final class Fixtures {

    /** 2024-01-01T00:00:00Z, a funding time. */
    static final long ORIGIN = 1_704_067_200_000L;

    private Fixtures() {
    }

    static List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            out.add(s.instrument());
        }
        return out;
    }

    /** The default synthetic market's first {@code n} bars of every symbol. */
    static Bars syntheticBars(long seed, int n) {
        SyntheticMarket market = new SyntheticMarket(seed, SyntheticMarket.DEFAULT_SPECS, ORIGIN);
        Map<String, List<Candle>> bySymbol = new LinkedHashMap<>();
        for (int s = 0; s < market.specs().size(); s++) {
            List<Candle> list = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                list.add(market.bar(s, k));
            }
            bySymbol.put(market.specs().get(s).instrument().symbol(), list);
        }
        return Bars.of(bySymbol);
    }

    /** max_position_pct 2, stop 1.5 %, lookback 20, leverage 2, daily loss 3 %, every default symbol enabled. */
    static Params params(int lookback, TradingMode mode) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (Instrument in : instruments()) {
            symbols.put(in.symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(1, 2.0, 1.5, null, lookback, 2.0, 3.0, mode, symbols, "test", "fixture",
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    static Params defaultParams() {
        return params(20, TradingMode.ACTIVE);
    }
}
