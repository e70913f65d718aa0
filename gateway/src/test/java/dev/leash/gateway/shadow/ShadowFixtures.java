package dev.leash.gateway.shadow;

import dev.leash.backtest.Bars;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.sim.TickPath;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Bars, params and the market steps a backtest of those bars runs, for the shadow tests. */
final class ShadowFixtures {

    /** 2024-01-01T00:00:00Z, a funding time. */
    static final long ORIGIN = 1_704_067_200_000L;

    private ShadowFixtures() {
    }

    static List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            out.add(s.instrument());
        }
        return out;
    }

    static Limits limits() {
        LinkedHashSet<String> allowlist = new LinkedHashSet<>();
        for (Instrument in : instruments()) {
            allowlist.add(in.symbol());
        }
        return Limits.hard(allowlist);
    }

    static Bars bars(long seed, int n) {
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

    static Params params(long version, int lookback) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (Instrument in : instruments()) {
            symbols.put(in.symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(version, 2.0, 1.5, null, lookback, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test",
                "fixture", Instant.parse("2024-01-01T00:00:00Z"));
    }

    /** Bars {@code 0..warmup-1}, bar-major, as a backtest warms up. */
    static List<ClosedBar> warmup(Bars bars, int warmup) {
        List<ClosedBar> out = new ArrayList<>();
        for (int k = 0; k < warmup; k++) {
            for (int s = 0; s < bars.symbolCount(); s++) {
                out.add(bar(bars, s, k));
            }
        }
        return out;
    }

    /**
     * The steps a backtest of {@code bars} runs after its warm-up: four tick-path points per bar, the previous bar
     * closed at the first; the live side as given.
     */
    static List<MarketStep> steps(Bars bars, int warmup, Params live, double liveEquity) {
        int n = bars.symbolCount();
        List<MarketStep> out = new ArrayList<>();
        for (int k = warmup; k < bars.size(); k++) {
            for (int i = 0; i < TickPath.POINTS; i++) {
                double[] price = new double[n];
                double[] mark = new double[n];
                boolean[] fresh = new boolean[n];
                List<ClosedBar> closed = new ArrayList<>();
                for (int s = 0; s < n; s++) {
                    price[s] = TickPath.point(bars.open(s, k), bars.high(s, k), bars.low(s, k), bars.close(s, k), i);
                    mark[s] = Double.NaN;
                    fresh[s] = true;
                    if (i == 0 && k - 1 >= warmup) {
                        closed.add(bar(bars, s, k - 1));
                    }
                }
                out.add(new MarketStep(bars.openTime(k) + i * TickPath.STEP_MILLIS, price, mark, fresh,
                        k == warmup && i == 0 ? warmup(bars, warmup) : List.of(), closed, live, liveEquity,
                        new double[n], new double[n]));
            }
        }
        return out;
    }

    private static ClosedBar bar(Bars bars, int s, int k) {
        return new ClosedBar(s, bars.openTime(k) + Candle.INTERVAL_MILLIS, bars.high(s, k), bars.low(s, k),
                bars.close(s, k), bars.volume(s, k));
    }
}
