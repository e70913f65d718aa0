package dev.leash.risk;

import java.math.BigDecimal;

/**
 * Effective exposure of a symbol, {@code max_position_pct x size_multiplier} percent of equity, in the exact units
 * of {@link Numbers#effectiveUnits}; a symbol absent from the params counts at
 * {@link SymbolParams#DEFAULT_SIZE_MULTIPLIER}, as in the step rule.
 */
final class EffectiveExposure {

    private EffectiveExposure() {
    }

    /** The effective exposure of {@code symbol} under {@code p}. */
    static long units(Params p, String symbol) {
        SymbolParams s = p.symbols().get(symbol);
        double m = s == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : s.sizeMultiplier();
        return Numbers.effectiveUnits(p.maxPositionPct(), m);
    }

    /** True when {@code symbol} is enabled after and its effective exposure rose, or it was not enabled before. */
    static boolean rose(Params before, Params after, String symbol) {
        if (!after.isEnabled(symbol)) {
            return false;
        }
        return !before.isEnabled(symbol) || units(after, symbol) > units(before, symbol);
    }

    /**
     * The field a rise is reported on: the symbol's {@code enabled} when it was just enabled, its multiplier when
     * that changed, else {@code max_position_pct}.
     */
    static String blamedField(Params before, Params after, String symbol) {
        if (before != null && !before.isEnabled(symbol)) {
            return ParamField.ENABLED.of(symbol);
        }
        SymbolParams was = before == null ? null : before.symbols().get(symbol);
        SymbolParams now = after.symbols().get(symbol);
        boolean multiplierChanged = before == null || was == null
                || Double.compare(was.sizeMultiplier(), now.sizeMultiplier()) != 0;
        boolean positionChanged = before != null
                && Double.compare(before.maxPositionPct(), after.maxPositionPct()) != 0;
        return multiplierChanged || !positionChanged ? ParamField.SIZE_MULTIPLIER.of(symbol)
                : ParamField.MAX_POSITION_PCT.wireName();
    }

    /** Effective units as plain percent text. */
    static String format(long units) {
        return BigDecimal.valueOf(units, 2 * Numbers.DECIMALS).stripTrailingZeros().toPlainString();
    }
}
