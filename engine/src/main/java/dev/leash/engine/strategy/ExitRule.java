package dev.leash.engine.strategy;

import dev.leash.risk.StrategyBlock;

/** An exit: whether the open position closes at this tick, and at which reference level. */
public abstract sealed class ExitRule permits ExitRule.StopLoss, ExitRule.TakeProfit, ExitRule.TrailingStop,
        ExitRule.TimeStop {

    public abstract StrategyBlock block();

    /** True when a position of {@code side} entered at {@code entry} closes at {@code price}. */
    public abstract boolean hit(MarketState m, int side, double entry, double price);

    /** The level the closing order is sent at: {@code price}, except the take-profit's own level. */
    public double level(int side, double entry, double price) {
        return price;
    }

    /** The rule's number (percent, or bars for the time stop), for reasons. */
    public abstract double amount();

    /** Adverse move of {@code side} from {@code from} to {@code price}, percent of {@code from}. */
    static double adversePct(int side, double from, double price) {
        return side * (from - price) / from * 100.0;
    }

    /** Closes at an adverse move of {@code pct} from entry. */
    public static final class StopLoss extends ExitRule {
        private final double pct;

        public StopLoss(double pct) {
            this.pct = pct;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.STOP_LOSS;
        }

        @Override
        public boolean hit(MarketState m, int side, double entry, double price) {
            return adversePct(side, entry, price) >= pct;
        }

        @Override
        public double amount() {
            return pct;
        }
    }

    /** Closes at a favourable move of {@code pct} from entry, sent at its level. */
    public static final class TakeProfit extends ExitRule {
        private final double pct;

        public TakeProfit(double pct) {
            this.pct = pct;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.TAKE_PROFIT;
        }

        @Override
        public boolean hit(MarketState m, int side, double entry, double price) {
            return -adversePct(side, entry, price) >= pct;
        }

        /** A price that ran past the level between two ticks is no better fill than the level. */
        @Override
        public double level(int side, double entry, double price) {
            return entry * (1 + side * pct / 100.0);
        }

        @Override
        public double amount() {
            return pct;
        }
    }

    /** Closes at an adverse move of {@code pct} from the best price since entry. */
    public static final class TrailingStop extends ExitRule {
        private final double pct;

        public TrailingStop(double pct) {
            this.pct = pct;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.TRAILING_STOP;
        }

        @Override
        public boolean hit(MarketState m, int side, double entry, double price) {
            return adversePct(side, m.bestPrice(), price) >= pct;
        }

        @Override
        public double amount() {
            return pct;
        }
    }

    /** Closes once {@code bars} closed bars have passed since entry. */
    public static final class TimeStop extends ExitRule {
        private final int bars;

        public TimeStop(int bars) {
            this.bars = bars;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.TIME_STOP;
        }

        @Override
        public boolean hit(MarketState m, int side, double entry, double price) {
            return m.barsSinceEntry() >= bars;
        }

        @Override
        public double amount() {
            return bars;
        }
    }
}
