package dev.leash.engine.strategy;

import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;

/** A filter: whether a new position on one side may be opened now; it never closes one. */
public abstract sealed class EntryFilter permits EntryFilter.RsiBand, EntryFilter.VolumeRatio, EntryFilter.Funding,
        EntryFilter.Volatility, EntryFilter.TimeOfDay, EntryFilter.RegimeIn {

    private static final long HOUR_MILLIS = 3_600_000L;

    public abstract StrategyBlock block();

    /** True when a position of {@code side} (+1 long, -1 short) may be opened at {@code nowMillis}. */
    public abstract boolean allows(MarketState m, int side, long nowMillis);

    /** True while {@code v} lies in {@code [low, high]}; false while it is unknown (NaN). */
    static boolean within(double v, double low, double high) {
        return v >= low && v <= high;
    }

    /** RSI(14) within {@code [low, high]}. */
    public static final class RsiBand extends EntryFilter {
        private final double low;
        private final double high;

        public RsiBand(double low, double high) {
            this.low = low;
            this.high = high;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.RSI_BAND;
        }

        @Override
        public boolean allows(MarketState m, int side, long nowMillis) {
            return within(m.rsi, low, high);
        }
    }

    /** Bar volume over its 20-bar average at least {@code min}. */
    public static final class VolumeRatio extends EntryFilter {
        private final double min;

        public VolumeRatio(double min) {
            this.min = min;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.VOLUME_RATIO;
        }

        @Override
        public boolean allows(MarketState m, int side, long nowMillis) {
            return m.volumeRatio >= min;
        }
    }

    /** The entering side pays funding of at most {@code maxPct}; nothing while the rate is unknown. */
    public static final class Funding extends EntryFilter {
        private final double maxPct;

        public Funding(double maxPct) {
            this.maxPct = maxPct;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.FUNDING;
        }

        @Override
        public boolean allows(MarketState m, int side, long nowMillis) {
            return side * m.fundingRatePct <= maxPct; // longs pay a positive rate, shorts a negative one
        }
    }

    /** Realized volatility within {@code [minPct, maxPct]}. */
    public static final class Volatility extends EntryFilter {
        private final double minPct;
        private final double maxPct;

        public Volatility(double minPct, double maxPct) {
            this.minPct = minPct;
            this.maxPct = maxPct;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.VOLATILITY;
        }

        @Override
        public boolean allows(MarketState m, int side, long nowMillis) {
            return within(m.realizedVolatility, minPct, maxPct);
        }
    }

    /** UTC hours from {@code startHour} up to, not including, {@code endHour}; wraps past midnight. */
    public static final class TimeOfDay extends EntryFilter {
        private final int startHour;
        private final int endHour;

        public TimeOfDay(int startHour, int endHour) {
            this.startHour = startHour;
            this.endHour = endHour;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.TIME_OF_DAY;
        }

        @Override
        public boolean allows(MarketState m, int side, long nowMillis) {
            int hour = (int) Math.floorMod(Math.floorDiv(nowMillis, HOUR_MILLIS), 24L);
            return startHour < endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
        }
    }

    /** The regime label is one of the set's (a bit per {@link Regime} ordinal). */
    public static final class RegimeIn extends EntryFilter {
        private final int bits;

        public RegimeIn(java.util.Set<Regime> labels) {
            int b = 0;
            for (Regime r : labels) {
                if (r != Regime.UNKNOWN) {
                    b |= 1 << r.ordinal();
                }
            }
            this.bits = b;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.REGIME;
        }

        @Override
        public boolean allows(MarketState m, int side, long nowMillis) {
            return (bits & (1 << m.regime.ordinal())) != 0;
        }
    }
}
