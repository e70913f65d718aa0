package dev.leash.risk;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which fields of a change raise risk.
 *
 * <p>Raising size, leverage, the stop distance or the daily loss limit, enabling a symbol, raising its multiplier
 * and moving the trading mode toward {@code active} raise risk. Take-profit and lookback changes do not count as
 * increases (the lookback has its own step limit in both directions).
 */
public final class RiskIncrease {

    private RiskIncrease() {
    }

    /** Wire names of the fields whose change from {@code before} to {@code after} raises risk. */
    public static Set<String> fields(Params before, Params after) {
        Set<String> raised = new LinkedHashSet<>();
        if (after.maxPositionPct() > before.maxPositionPct()) {
            raised.add("max_position_pct");
        }
        if (after.stopLossPct() > before.stopLossPct()) {
            raised.add("stop_loss_pct");
        }
        if (after.maxLeverage() > before.maxLeverage()) {
            raised.add("max_leverage");
        }
        if (after.dailyLossLimitPct() > before.dailyLossLimitPct()) {
            raised.add("daily_loss_limit_pct");
        }
        if (after.tradingMode().compareTo(before.tradingMode()) > 0) {
            raised.add("trading_mode");
        }
        for (Map.Entry<String, SymbolParams> e : after.symbols().entrySet()) {
            SymbolParams was = before.symbols().get(e.getKey());
            SymbolParams now = e.getValue();
            boolean wasEnabled = was != null && was.enabled();
            if (now.enabled() && !wasEnabled) {
                raised.add("symbols." + e.getKey() + ".enabled");
            }
            double wasMultiplier = was == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : was.sizeMultiplier();
            if (now.sizeMultiplier() > wasMultiplier) {
                raised.add("symbols." + e.getKey() + ".size_multiplier");
            }
        }
        return raised;
    }
}
