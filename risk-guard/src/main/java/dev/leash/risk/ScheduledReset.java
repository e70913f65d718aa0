package dev.leash.risk;

import java.util.Map;
import java.util.TreeMap;

/**
 * The scheduled reset's rule: each field moves to the less risky of its current value and the operator's baseline,
 * so the reset only ever lowers risk; raising it back is left to the ordinary slow-rise proposals.
 *
 * <p>Less risky means: the smaller {@code max_position_pct}, {@code stop_loss_pct} (a nearer stop loses less per
 * trade), {@code max_leverage} and {@code daily_loss_limit_pct}; the larger {@code breakout_lookback} (a longer
 * channel breaks less often: fewer entries); the more restrictive {@code trading_mode} (paused, then reduce_only,
 * then active); per symbol, enabled only if enabled in both, and the smaller {@code size_multiplier} (a symbol the
 * baseline does not list counts as disabled with the default multiplier).
 * {@code take_profit_pct} bounds gains, not losses, so it returns to the baseline.
 */
public final class ScheduledReset {

    /** The rule in one paragraph, for the REST API and the MCP tools. */
    public static final String RULE = "Each field moves to the less risky of its current value and the baseline:"
            + " the smaller " + ParamField.MAX_POSITION_PCT.wireName() + ", " + ParamField.STOP_LOSS_PCT.wireName()
            + ", " + ParamField.MAX_LEVERAGE.wireName() + " and " + ParamField.DAILY_LOSS_LIMIT_PCT.wireName()
            + "; the larger " + ParamField.BREAKOUT_LOOKBACK.wireName() + "; the more restrictive "
            + ParamField.TRADING_MODE.wireName() + " (paused < reduce_only < active), so a pause is"
            + " never lifted; per symbol, enabled only if enabled in both (a disabled symbol is never re-enabled) and"
            + " the smaller " + ParamField.SIZE_MULTIPLIER.wireName() + "; a symbol the baseline does not list is"
            + " disabled. " + ParamField.TAKE_PROFIT_PCT.wireName() + " returns to the baseline. Risk goes back up"
            + " only through ordinary proposals under the step, cooldown and drift rules.";

    private ScheduledReset() {
    }

    /** What the reset makes of {@code current}; version, author and time are {@code current}'s. */
    public static Params target(Params current, Params baseline) {
        Map<String, SymbolParams> symbols = new TreeMap<>();
        for (Map.Entry<String, SymbolParams> e : current.symbols().entrySet()) {
            SymbolParams cur = e.getValue();
            SymbolParams base = baseline.symbols().get(e.getKey());
            symbols.put(e.getKey(), base == null ? new SymbolParams(false, Math.min(cur.sizeMultiplier(),
                    SymbolParams.DEFAULT_SIZE_MULTIPLIER))
                    : new SymbolParams(cur.enabled() && base.enabled(),
                    Math.min(cur.sizeMultiplier(), base.sizeMultiplier())));
        }
        TradingMode mode = current.tradingMode().compareTo(baseline.tradingMode()) <= 0 ? current.tradingMode()
                : baseline.tradingMode();
        return new Params(current.version(),
                Math.min(current.maxPositionPct(), baseline.maxPositionPct()),
                Math.min(current.stopLossPct(), baseline.stopLossPct()),
                baseline.takeProfitPct(),
                Math.max(current.breakoutLookback(), baseline.breakoutLookback()),
                Math.min(current.maxLeverage(), baseline.maxLeverage()),
                Math.min(current.dailyLossLimitPct(), baseline.dailyLossLimitPct()),
                mode, new TreeMap<>(symbols), current.updatedBy(), current.rationale(), current.updatedAt(),
                current.strategy()); // the strategy is the operator's choice: the reset leaves it as it is
    }
}
