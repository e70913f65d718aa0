package dev.leash.risk;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One version of the strategy parameters, the content of {@code ai_params.json}.
 *
 * <p>Percentages are percent (1.0 means 1 %). {@code takeProfitPct} is null when take-profit is off. A Params
 * value is not necessarily valid: validity is decided by {@link ParamPolicy}. {@code strategy} is null when the
 * document carries none: today's default strategy ({@link StrategySpec#defaultFor}) then trades.
 */
public record Params(
        long version,
        double maxPositionPct,
        double stopLossPct,
        Double takeProfitPct,
        int breakoutLookback,
        double maxLeverage,
        double dailyLossLimitPct,
        TradingMode tradingMode,
        SortedMap<String, SymbolParams> symbols,
        String updatedBy,
        String rationale,
        Instant updatedAt,
        StrategySpec strategy) {

    public Params {
        Objects.requireNonNull(tradingMode, "tradingMode");
        Objects.requireNonNull(symbols, "symbols");
        Objects.requireNonNull(updatedAt, "updatedAt");
        updatedBy = updatedBy == null ? "" : updatedBy;
        rationale = rationale == null ? "" : rationale;
        maxPositionPct = maxPositionPct + 0.0;
        stopLossPct = stopLossPct + 0.0;
        maxLeverage = maxLeverage + 0.0;
        dailyLossLimitPct = dailyLossLimitPct + 0.0;
        symbols = Collections.unmodifiableSortedMap(new TreeMap<>(symbols));
    }

    /** A version without a strategy object: the default strategy trades. */
    public Params(long version, double maxPositionPct, double stopLossPct, Double takeProfitPct, int breakoutLookback,
                  double maxLeverage, double dailyLossLimitPct, TradingMode tradingMode,
                  SortedMap<String, SymbolParams> symbols, String updatedBy, String rationale, Instant updatedAt) {
        this(version, maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage, dailyLossLimitPct,
                tradingMode, symbols, updatedBy, rationale, updatedAt, null);
    }

    /** The strategy that trades: the document's, or the default one its fields describe. */
    public StrategySpec effectiveStrategy() {
        return strategy != null ? strategy : StrategySpec.defaultFor(this);
    }

    /** This content with another strategy object (null: none, the default trades). */
    public Params withStrategy(StrategySpec newStrategy) {
        return new Params(version, maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage,
                dailyLossLimitPct, tradingMode, symbols, updatedBy, rationale, updatedAt, newStrategy);
    }

    /** Number of symbols with {@code enabled: true}. */
    public int enabledSymbolCount() {
        int n = 0;
        for (SymbolParams s : symbols.values()) {
            if (s.enabled()) {
                n++;
            }
        }
        return n;
    }

    /** True when the symbol is present and enabled. */
    public boolean isEnabled(String symbol) {
        SymbolParams s = symbols.get(symbol);
        return s != null && s.enabled();
    }

    /** This content stamped as a new version. */
    public Params stamped(long newVersion, String author, String why, Instant at) {
        return new Params(newVersion, maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage,
                dailyLossLimitPct, tradingMode, symbols, author, why, at, strategy);
    }

    /** This content with another trading mode. */
    public Params withTradingMode(TradingMode mode) {
        return new Params(version, maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage,
                dailyLossLimitPct, mode, symbols, updatedBy, rationale, updatedAt, strategy);
    }

    /** This content with other symbols. */
    public Params withSymbols(Map<String, SymbolParams> newSymbols) {
        return new Params(version, maxPositionPct, stopLossPct, takeProfitPct, breakoutLookback, maxLeverage,
                dailyLossLimitPct, tradingMode, new TreeMap<>(newSymbols), updatedBy, rationale, updatedAt, strategy);
    }

    /** True when both carry the same tunable values, whatever their version, author and time. */
    public boolean sameValuesAs(Params other) {
        return Double.compare(maxPositionPct, other.maxPositionPct) == 0
                && Double.compare(stopLossPct, other.stopLossPct) == 0
                && Objects.equals(takeProfitPct, other.takeProfitPct)
                && breakoutLookback == other.breakoutLookback
                && Double.compare(maxLeverage, other.maxLeverage) == 0
                && Double.compare(dailyLossLimitPct, other.dailyLossLimitPct) == 0
                && tradingMode == other.tradingMode
                && symbols.equals(other.symbols)
                && Objects.equals(strategy, other.strategy);
    }
}
