package dev.leash.engine.strategy;

import dev.leash.risk.StrategyBlock;

/** An entry rule: levels updated at each closed bar, a direction wanted at each tick. */
public abstract sealed class EntryRule permits EntryRule.DonchianBreakout, EntryRule.BollingerReversion,
        EntryRule.MacdTrend {

    public abstract StrategyBlock block();

    /** Updates the rule's levels in {@code m} after a bar closed. */
    public abstract void onBar(MarketState m);

    /** +1 for long, -1 for short, 0 for neither at {@code price}. */
    public abstract int signal(MarketState m, double price);

    /** Above the channel high long, below the channel low short: today's breakout, exactly. */
    public static final class DonchianBreakout extends EntryRule {

        private final int lookback;

        public DonchianBreakout(int lookback) {
            this.lookback = lookback;
        }

        public int lookback() {
            return lookback;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.DONCHIAN_BREAKOUT;
        }

        @Override
        public void onBar(MarketState m) {
            // the engine keeps the channel over the lookback in force
        }

        @Override
        public int signal(MarketState m, double price) {
            return price > m.channelHigh ? 1 : price < m.channelLow ? -1 : 0;
        }
    }

    /** Below the lower band long, above the upper band short; bands of the last {@code period} closes. */
    public static final class BollingerReversion extends EntryRule {

        private final int period;
        private final double width;

        public BollingerReversion(int period, double width) {
            this.period = period;
            this.width = width;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.BOLLINGER_REVERSION;
        }

        @Override
        public void onBar(MarketState m) {
            if (m.kept() < period) {
                m.upper = Double.NaN;
                m.lower = Double.NaN;
                return;
            }
            double sum = 0;
            for (int i = 0; i < period; i++) {
                sum += m.close(i);
            }
            double mean = sum / period;
            double squares = 0;
            for (int i = 0; i < period; i++) {
                double d = m.close(i) - mean;
                squares += d * d;
            }
            double sd = Math.sqrt(squares / period);
            m.upper = mean + width * sd;
            m.lower = mean - width * sd;
        }

        @Override
        public int signal(MarketState m, double price) {
            return price < m.lower ? 1 : price > m.upper ? -1 : 0;
        }
    }

    /**
     * Long in the bar after the MACD histogram (fast EMA - slow EMA - its signal EMA) crosses above 0, short after it
     * crosses below. The EMAs run over the kept closes, seeded with the oldest.
     */
    public static final class MacdTrend extends EntryRule {

        private final int fast;
        private final int slow;
        private final int signal;

        public MacdTrend(int fast, int slow, int signal) {
            this.fast = fast;
            this.slow = slow;
            this.signal = signal;
        }

        @Override
        public StrategyBlock block() {
            return StrategyBlock.MACD_TREND;
        }

        @Override
        public void onBar(MarketState m) {
            int n = m.kept();
            m.barSignal = 0;
            if (n < slow + signal) {
                m.histogram = Double.NaN;
                return;
            }
            double kFast = 2.0 / (fast + 1);
            double kSlow = 2.0 / (slow + 1);
            double kSignal = 2.0 / (signal + 1);
            double emaFast = m.close(n - 1);
            double emaSlow = emaFast;
            double sig = 0;
            double previous = Double.NaN;
            double hist = 0;
            for (int back = n - 2; back >= 0; back--) {
                double c = m.close(back);
                emaFast += (c - emaFast) * kFast;
                emaSlow += (c - emaSlow) * kSlow;
                double macd = emaFast - emaSlow;
                sig += (macd - sig) * kSignal;
                previous = hist;
                hist = macd - sig;
            }
            m.histogram = hist;
            m.barSignal = previous <= 0 && hist > 0 ? 1 : previous >= 0 && hist < 0 ? -1 : 0;
        }

        @Override
        public int signal(MarketState m, double price) {
            return m.barSignal;
        }
    }
}
