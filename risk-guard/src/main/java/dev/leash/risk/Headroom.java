package dev.leash.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What may change right now: for every tunable number the range a proposal may move it to at {@code now}, the
 * cooldown left before the next increase, and the increases left in the rolling window. Derived from the same
 * rules as {@link ParamPolicy} for the model (effective exposure included), so a proposal of one field inside these
 * ranges (and with a rationale) is accepted; the operator is bound by the limits alone.
 *
 * @param ranges allowed range per field (wire names, {@code symbols.X.size_multiplier} per symbol)
 */
public record Headroom(Duration cooldownLeft, int increasesLeft, boolean increaseAllowedNow,
                       Map<String, Range> ranges) {

    /** The headroom of {@code current} under {@code limits}, given the accepted changes in {@code log}. */
    public static Headroom of(Limits limits, Params current, ChangeLog log, Instant now) {
        Instant last = log.lastIncrease();
        Duration sinceLast = last == null ? Ceilings.INCREASE_COOLDOWN : Duration.between(last, now);
        Duration cooldown = sinceLast.compareTo(Ceilings.INCREASE_COOLDOWN) >= 0 ? Duration.ZERO
                : Ceilings.INCREASE_COOLDOWN.minus(sinceLast);
        int used = log.increasesBetween(now.minus(Ceilings.INCREASE_WINDOW), now);
        int left = Math.max(0, Ceilings.MAX_INCREASES_PER_WINDOW - used);
        boolean canRaise = cooldown.isZero() && left > 0;

        Map<String, Range> ranges = new LinkedHashMap<>();
        double posCap = current.maxPositionPct() + Ceilings.MAX_POSITION_PCT_STEP;
        double lowest = log.lowestMaxPositionPctSince(now.minus(Ceilings.INCREASE_WINDOW), current.maxPositionPct());
        posCap = Math.min(posCap, lowest + Ceilings.MAX_POSITION_PCT_DRIFT);
        Instant windowStart = now.minus(Ceilings.INCREASE_WINDOW);
        for (Map.Entry<String, SymbolParams> e : current.symbols().entrySet()) {
            double m = e.getValue().sizeMultiplier();
            if (e.getValue().enabled() && m > 0) {
                posCap = Math.min(posCap, effectiveCap(limits, current, e.getKey(), log, windowStart) / m);
            }
        }
        ranges.put(ParamField.MAX_POSITION_PCT.wireName(), rising(limits.maxPositionPct(), current.maxPositionPct(),
                floorToGrid(posCap), canRaise));
        ranges.put(ParamField.STOP_LOSS_PCT.wireName(), rising(limits.stopLossPct(), current.stopLossPct(),
                current.stopLossPct() + Ceilings.STOP_LOSS_PCT_STEP, canRaise));
        ranges.put(ParamField.TAKE_PROFIT_PCT.wireName(), limits.takeProfitPct());
        int lb = current.breakoutLookback();
        int lbStep = (int) Math.floor(lb * ParamField.BREAKOUT_LOOKBACK.step().amount());
        ranges.put(ParamField.BREAKOUT_LOOKBACK.wireName(), new Range(Math.max(limits.breakoutLookback().floor(),
                lb - lbStep), Math.min(limits.breakoutLookback().ceiling(), lb + lbStep)));
        ranges.put(ParamField.MAX_LEVERAGE.wireName(), rising(limits.maxLeverage(), current.maxLeverage(),
                current.maxLeverage() + Ceilings.MAX_LEVERAGE_STEP, canRaise));
        ranges.put(ParamField.DAILY_LOSS_LIMIT_PCT.wireName(), rising(limits.dailyLossLimitPct(),
                current.dailyLossLimitPct(), current.dailyLossLimitPct() + Ceilings.DAILY_LOSS_LIMIT_PCT_STEP, canRaise));
        for (Map.Entry<String, SymbolParams> e : current.symbols().entrySet()) {
            double m = e.getValue().sizeMultiplier();
            double cap = m + Ceilings.SIZE_MULTIPLIER_STEP;
            if (e.getValue().enabled()) {
                cap = Math.min(cap, effectiveCap(limits, current, e.getKey(), log, windowStart)
                        / current.maxPositionPct());
            }
            ranges.put(ParamField.SIZE_MULTIPLIER.of(e.getKey()), rising(limits.sizeMultiplier(), m,
                    floorToGrid(cap), canRaise));
        }
        return new Headroom(cooldown, left, canRaise, ranges);
    }

    /**
     * The highest effective exposure (percent) {@code symbol} may reach now: the ceiling, and at most the drift cap
     * above its lowest value of the window.
     */
    private static double effectiveCap(Limits limits, Params current, String symbol, ChangeLog log,
                                       Instant windowStart) {
        long lowest = log.lowestEffectiveUnitsSince(symbol, windowStart, EffectiveExposure.units(current, symbol));
        long cap = Math.min(Numbers.effectiveUnits(limits.maxPositionPct().ceiling(), 1.0),
                lowest + Numbers.effectiveUnits(Ceilings.MAX_POSITION_PCT_DRIFT, 1.0));
        return cap / 1e8;
    }

    /** Down to the 4-decimal grid, so a value at the cap is accepted. */
    private static double floorToGrid(double v) {
        return Math.floor(v * 10_000 + 1e-6) / 10_000;
    }

    /** From the floor up to the current value, or up to {@code cap} (within the limits) when raising is allowed. */
    private static Range rising(Range limit, double current, double cap, boolean canRaise) {
        double top = canRaise ? Math.min(limit.ceiling(), Math.max(current, cap)) : current;
        top = Math.max(limit.floor(), Math.min(limit.ceiling(), top));
        return new Range(limit.floor(), Math.max(limit.floor(), top));
    }
}
