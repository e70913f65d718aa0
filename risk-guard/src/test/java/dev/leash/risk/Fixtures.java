package dev.leash.risk;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Shared values for the risk-guard tests. */
final class Fixtures {

    /** Twelve symbols, so that tests can try to enable more than {@link Ceilings#MAX_ENABLED_SYMBOLS}. */
    static final Set<String> ALLOWLIST = Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "BNBUSDT", "ADAUSDT",
            "DOGEUSDT", "AVAXUSDT", "LINKUSDT", "DOTUSDT", "LTCUSDT", "TRXUSDT");

    static final Instant T0 = Instant.parse("2025-01-06T12:00:00Z");

    private Fixtures() {
    }

    /** Version 7: 1 % positions, 2 % stop, 4 % take-profit, 20 bars, 2x, 3 % daily loss, BTC and ETH on. */
    static Params base() {
        SortedMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        symbols.put("ETHUSDT", new SymbolParams(true, 0.5));
        symbols.put("SOLUSDT", new SymbolParams(false, 0.0));
        return new Params(7, 1.0, 2.0, 4.0, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "seed", "baseline",
                T0.minusSeconds(86_400 * 3));
    }

    static P from(Params p) {
        return new P(p);
    }

    /** A copy-with builder for {@link Params}; the record has a dozen components. */
    static final class P {
        private long version;
        private double maxPositionPct;
        private double stopLossPct;
        private Double takeProfitPct;
        private int breakoutLookback;
        private double maxLeverage;
        private double dailyLossLimitPct;
        private TradingMode tradingMode;
        private final SortedMap<String, SymbolParams> symbols;
        private String updatedBy;
        private String rationale;
        private Instant updatedAt;

        private P(Params p) {
            version = p.version();
            maxPositionPct = p.maxPositionPct();
            stopLossPct = p.stopLossPct();
            takeProfitPct = p.takeProfitPct();
            breakoutLookback = p.breakoutLookback();
            maxLeverage = p.maxLeverage();
            dailyLossLimitPct = p.dailyLossLimitPct();
            tradingMode = p.tradingMode();
            symbols = new TreeMap<>(p.symbols());
            updatedBy = p.updatedBy();
            rationale = p.rationale();
            updatedAt = p.updatedAt();
        }

        P version(long v) {
            version = v;
            return this;
        }

        P maxPositionPct(double v) {
            maxPositionPct = v;
            return this;
        }

        P stopLossPct(double v) {
            stopLossPct = v;
            return this;
        }

        P takeProfitPct(Double v) {
            takeProfitPct = v;
            return this;
        }

        P breakoutLookback(int v) {
            breakoutLookback = v;
            return this;
        }

        P maxLeverage(double v) {
            maxLeverage = v;
            return this;
        }

        P dailyLossLimitPct(double v) {
            dailyLossLimitPct = v;
            return this;
        }

        P tradingMode(TradingMode v) {
            tradingMode = v;
            return this;
        }

        P symbol(String symbol, boolean enabled, double multiplier) {
            symbols.put(symbol, new SymbolParams(enabled, multiplier));
            return this;
        }

        P withoutSymbol(String symbol) {
            symbols.remove(symbol);
            return this;
        }

        P symbols(Map<String, SymbolParams> all) {
            symbols.clear();
            symbols.putAll(all);
            return this;
        }

        P updatedAt(Instant at) {
            updatedAt = at;
            return this;
        }

        Params build() {
            return new Params(version, maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage,
                    dailyLossLimitPct, tradingMode, symbols, updatedBy, rationale, updatedAt);
        }
    }
}
