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
        for (ParamField f : ParamField.inScope(ParamField.Scope.GLOBAL)) {
            if (!f.upRaisesRisk()) {
                continue;
            }
            boolean up = f == ParamField.TRADING_MODE ? after.tradingMode().compareTo(before.tradingMode()) > 0
                    : f.number(after) > f.number(before);
            if (up) {
                raised.add(f.wireName());
            }
        }
        for (Map.Entry<String, SymbolParams> e : after.symbols().entrySet()) {
            SymbolParams was = before.symbols().get(e.getKey());
            SymbolParams now = e.getValue();
            boolean wasEnabled = was != null && was.enabled();
            if (now.enabled() && !wasEnabled) {
                raised.add(ParamField.ENABLED.of(e.getKey()));
            }
            double wasMultiplier = was == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : was.sizeMultiplier();
            if (now.sizeMultiplier() > wasMultiplier) {
                raised.add(ParamField.SIZE_MULTIPLIER.of(e.getKey()));
            }
        }
        return raised;
    }
}
