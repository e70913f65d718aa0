package dev.leash.risk;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A strategy: one entry rule, up to {@link StrategyBlock#MAX_FILTERS} filters and up to
 * {@link StrategyBlock#MAX_EXITS} exits, the {@code strategy} object of the params. Not necessarily valid:
 * {@link StrategyRules} decides.
 */
public record StrategySpec(BlockSpec entry, List<BlockSpec> filters, List<BlockSpec> exits) {

    public StrategySpec {
        Objects.requireNonNull(entry, "entry");
        filters = List.copyOf(filters);
        exits = List.copyOf(exits);
    }

    /**
     * Today's strategy as the params describe it when they carry none: a Donchian breakout over
     * {@code breakout_lookback} bars, a stop-loss at {@code stop_loss_pct} and, when set, a take-profit at
     * {@code take_profit_pct}.
     */
    public static StrategySpec defaultFor(Params p) {
        BlockSpec entry = BlockSpec.of(StrategyBlock.DONCHIAN_BREAKOUT,
                Map.of(StrategyField.DONCHIAN_LOOKBACK, (double) p.breakoutLookback()));
        BlockSpec stop = BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, p.stopLossPct()));
        List<BlockSpec> exits = p.takeProfitPct() == null ? List.of(stop) : List.of(stop,
                BlockSpec.of(StrategyBlock.TAKE_PROFIT, Map.of(StrategyField.TAKE_PROFIT_PCT, p.takeProfitPct())));
        return new StrategySpec(entry, List.of(), exits);
    }

    /** The first exit of this kind, or null. */
    public BlockSpec exit(StrategyBlock block) {
        for (BlockSpec b : exits) {
            if (b.block() == block) {
                return b;
            }
        }
        return null;
    }
}
