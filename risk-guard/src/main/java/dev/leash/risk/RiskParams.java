package dev.leash.risk;

import java.util.List;

/**
 * The parameters compiled for the order path: primitive values per symbol index, already clamped into the
 * {@link Limits}. Built when parameters are swapped, read on every order.
 */
public final class RiskParams {

    private final double maxPositionPct;
    private final double maxLeverage;
    private final double dailyLossLimitPct;
    private final TradingMode tradingMode;
    private final boolean[] enabled;
    private final double[] sizeMultiplier;
    private final long version;

    private RiskParams(long version, double maxPositionPct, double maxLeverage, double dailyLossLimitPct,
                       TradingMode tradingMode, boolean[] enabled, double[] sizeMultiplier) {
        this.version = version;
        this.maxPositionPct = maxPositionPct;
        this.maxLeverage = maxLeverage;
        this.dailyLossLimitPct = dailyLossLimitPct;
        this.tradingMode = tradingMode;
        this.enabled = enabled;
        this.sizeMultiplier = sizeMultiplier;
    }

    /**
     * Compiles {@code p} for the symbols in {@code symbolOrder} (index = position in the list), clamping every
     * value into {@code limits} whatever {@code p} says; symbols off the allowlist are disabled.
     */
    public static RiskParams compile(Params p, List<String> symbolOrder, Limits limits) {
        boolean[] enabled = new boolean[symbolOrder.size()];
        double[] multiplier = new double[symbolOrder.size()];
        int enabledCount = 0;
        for (int i = 0; i < symbolOrder.size(); i++) {
            String symbol = symbolOrder.get(i);
            SymbolParams s = p.symbols().get(symbol);
            boolean on = s != null && s.enabled() && limits.allowlist().contains(symbol)
                    && enabledCount < limits.maxEnabledSymbols();
            enabled[i] = on;
            multiplier[i] = s == null ? 0.0 : limits.sizeMultiplier().clamp(s.sizeMultiplier());
            if (on) {
                enabledCount++;
            }
        }
        return new RiskParams(p.version(), limits.maxPositionPct().clamp(p.maxPositionPct()),
                limits.maxLeverage().clamp(p.maxLeverage()), limits.dailyLossLimitPct().clamp(p.dailyLossLimitPct()),
                p.tradingMode(), enabled, multiplier);
    }

    public long version() {
        return version;
    }

    public double maxPositionPct() {
        return maxPositionPct;
    }

    public double maxLeverage() {
        return maxLeverage;
    }

    public double dailyLossLimitPct() {
        return dailyLossLimitPct;
    }

    public TradingMode tradingMode() {
        return tradingMode;
    }

    public int symbolCount() {
        return enabled.length;
    }

    public boolean enabled(int symbol) {
        return enabled[symbol];
    }

    public double sizeMultiplier(int symbol) {
        return sizeMultiplier[symbol];
    }
}
