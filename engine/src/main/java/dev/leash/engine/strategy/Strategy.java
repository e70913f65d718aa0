package dev.leash.engine.strategy;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;

import java.util.ArrayList;
import java.util.List;

/**
 * A strategy as the engine runs it: one entry rule, its filters and its exits, every number clamped into the limits
 * in force whatever the params say. Immutable; its blocks keep their per-symbol state in {@link MarketState}, so one
 * compiled strategy serves every symbol and a step allocates nothing.
 */
public final class Strategy {

    private final EntryRule entry;
    private final EntryFilter[] filters;
    private final ExitRule[] exits;
    private final int lookback;
    private final double stopLossPct;
    private final double takeProfitPct;
    private final boolean needsIndicators;

    private Strategy(EntryRule entry, EntryFilter[] filters, ExitRule[] exits, int lookback, double stopLossPct,
                     double takeProfitPct) {
        this.entry = entry;
        this.filters = filters;
        this.exits = exits;
        this.lookback = lookback;
        this.stopLossPct = stopLossPct;
        this.takeProfitPct = takeProfitPct;
        boolean indicators = false;
        for (EntryFilter f : filters) {
            indicators |= f.block() != StrategyBlock.FUNDING && f.block() != StrategyBlock.TIME_OF_DAY;
        }
        this.needsIndicators = indicators;
    }

    /**
     * The strategy of {@code p} (its own, or the default its fields describe) under {@code limits}. The stop-loss is
     * the tighter of the strategy's and {@code stop_loss_pct}; a strategy without one gets {@code stop_loss_pct}'s.
     * Never throws: what the policy would refuse (a block in the wrong place, a number out of range or NaN) compiles
     * to the safe side, a filter refusing every entry, a number clamped into its range.
     */
    public static Strategy compile(Params p, Limits limits) {
        StrategySpec spec = p.effectiveStrategy();
        double fieldStop = limits.stopLossPct().clamp(p.stopLossPct());
        int lookback = (int) limits.breakoutLookback().clamp(p.breakoutLookback());
        EntryRule entry = entry(spec.entry(), limits, lookback);
        if (entry instanceof EntryRule.DonchianBreakout d) {
            lookback = d.lookback();
        }
        List<EntryFilter> filters = new ArrayList<>();
        for (BlockSpec b : spec.filters().subList(0, Math.min(spec.filters().size(), StrategyBlock.MAX_FILTERS))) {
            filters.add(filter(b, limits));
        }
        List<ExitRule> exits = new ArrayList<>();
        double stop = fieldStop;
        boolean stopped = false;
        double takeProfit = Double.NaN;
        for (BlockSpec b : spec.exits().subList(0, Math.min(spec.exits().size(), StrategyBlock.MAX_EXITS))) {
            if (b.block().kind() != StrategyBlock.Kind.EXIT || spec.exit(b.block()) != b) {
                continue; // not an exit, or a repeated one: the policy refuses both; the stop below still binds
            }
            ExitRule e = exit(b, limits, fieldStop);
            exits.add(e);
            if (e instanceof ExitRule.StopLoss) {
                stop = e.amount();
                stopped = true;
            } else if (e instanceof ExitRule.TakeProfit) {
                takeProfit = e.amount();
            }
        }
        if (!stopped) { // none among the exits kept: stop_loss_pct's stop binds first
            exits.add(0, new ExitRule.StopLoss(fieldStop));
        }
        return new Strategy(entry, filters.toArray(new EntryFilter[0]), exits.toArray(new ExitRule[0]), lookback,
                stop, takeProfit);
    }

    private static double n(BlockSpec b, StrategyField f, Limits limits) {
        return f.range(limits).clamp(b.number(f));
    }

    /** The entry rule of {@code b}; a block that is no entry rule gets today's breakout over {@code lookback}. */
    private static EntryRule entry(BlockSpec b, Limits limits, int lookback) {
        return switch (b.block()) {
            case BOLLINGER_REVERSION -> new EntryRule.BollingerReversion(
                    (int) n(b, StrategyField.BOLLINGER_PERIOD, limits), n(b, StrategyField.BOLLINGER_WIDTH, limits));
            case MACD_TREND -> new EntryRule.MacdTrend((int) n(b, StrategyField.MACD_FAST, limits),
                    (int) n(b, StrategyField.MACD_SLOW, limits), (int) n(b, StrategyField.MACD_SIGNAL, limits));
            case DONCHIAN_BREAKOUT -> new EntryRule.DonchianBreakout(
                    (int) n(b, StrategyField.DONCHIAN_LOOKBACK, limits));
            default -> new EntryRule.DonchianBreakout(lookback);
        };
    }

    private static EntryFilter filter(BlockSpec b, Limits limits) {
        return switch (b.block()) {
            case RSI_BAND -> new EntryFilter.RsiBand(n(b, StrategyField.RSI_LOW, limits),
                    n(b, StrategyField.RSI_HIGH, limits));
            case VOLUME_RATIO -> new EntryFilter.VolumeRatio(n(b, StrategyField.VOLUME_MIN, limits));
            case FUNDING -> new EntryFilter.Funding(n(b, StrategyField.FUNDING_MAX_PCT, limits));
            case VOLATILITY -> new EntryFilter.Volatility(n(b, StrategyField.VOLATILITY_MIN_PCT, limits),
                    n(b, StrategyField.VOLATILITY_MAX_PCT, limits));
            case TIME_OF_DAY -> new EntryFilter.TimeOfDay((int) n(b, StrategyField.START_HOUR, limits),
                    (int) n(b, StrategyField.END_HOUR, limits));
            case REGIME -> new EntryFilter.RegimeIn(b.regimes());
            default -> new EntryFilter.RegimeIn(java.util.Set.of()); // not a filter: refuses every entry
        };
    }

    private static ExitRule exit(BlockSpec b, Limits limits, double fieldStop) {
        return switch (b.block()) {
            case STOP_LOSS -> new ExitRule.StopLoss(Math.min(n(b, StrategyField.STOP_PCT, limits), fieldStop));
            case TAKE_PROFIT -> new ExitRule.TakeProfit(n(b, StrategyField.TAKE_PROFIT_PCT, limits));
            case TRAILING_STOP -> new ExitRule.TrailingStop(n(b, StrategyField.TRAILING_PCT, limits));
            case TIME_STOP -> new ExitRule.TimeStop((int) n(b, StrategyField.TIME_STOP_BARS, limits));
            default -> throw new IllegalStateException(b.block().wireName() + " is not an exit");
        };
    }

    public EntryRule entry() {
        return entry;
    }

    /** The filter at {@code i}. */
    public EntryFilter filter(int i) {
        return filters[i];
    }

    /** The exit at {@code i}. */
    public ExitRule exit(int i) {
        return exits[i];
    }

    /** Closed bars in the Donchian channel the engine keeps (the entry's, or {@code breakout_lookback}'s). */
    public int lookback() {
        return lookback;
    }

    /** The stop-loss in force, percent. */
    public double stopLossPct() {
        return stopLossPct;
    }

    /** The take-profit in force, percent; NaN when the strategy has none. */
    public double takeProfitPct() {
        return takeProfitPct;
    }

    /** True when a filter reads the indicators, which must then be updated at every closed bar. */
    public boolean needsIndicators() {
        return needsIndicators;
    }

    /** True when a filter reads the funding rate ({@link MarketState#fundingRatePct}); nothing else reads it. */
    public boolean needsFunding() {
        for (EntryFilter f : filters) {
            if (f.block() == StrategyBlock.FUNDING) {
                return true;
            }
        }
        return false;
    }

    /** The index of the first filter refusing a position of {@code side} now, or -1 when all allow it. */
    public int refusingFilter(MarketState m, int side, long nowMillis) {
        for (int i = 0; i < filters.length; i++) {
            if (!filters[i].allows(m, side, nowMillis)) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the first exit that closes the tracked position at {@code price}, or -1. */
    public int exitHit(MarketState m, int side, double entry, double price) {
        if (exits.length == 1) { // the stop-loss alone, the default: the loop below without its set-up
            return exits[0].hit(m, side, entry, price) ? 0 : -1;
        }
        for (int i = 0; i < exits.length; i++) {
            if (exits[i].hit(m, side, entry, price)) {
                return i;
            }
        }
        return -1;
    }
}
