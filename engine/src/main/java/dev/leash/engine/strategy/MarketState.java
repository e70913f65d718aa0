package dev.leash.engine.strategy;

import dev.leash.risk.Regime;

/**
 * What the strategy blocks of one symbol read and write: the last closes, the engine's channel and indicators, the
 * regime label, the entry rule's levels and the open position's best price and age. Mutable, allocation-free, touched
 * only by the engine's thread.
 */
public final class MarketState {

    /** Closes kept: enough for the longest Bollinger period and for MACD's EMAs to forget their seed. */
    public static final int CLOSES = 256;

    private final double[] closes = new double[CLOSES];
    private long closedBars;

    /** The engine's Donchian channel over the lookback in force; NaN while warming up. */
    public double channelHigh = Double.NaN;
    public double channelLow = Double.NaN;
    /** RSI(14), bar volume over its 20-bar average and realized volatility (% annualized); NaN until known. */
    public double rsi = Double.NaN;
    public double volumeRatio = Double.NaN;
    public double realizedVolatility = Double.NaN;
    /** Kaufman efficiency of the last {@link RegimeRule#WINDOW} closes, 0..1; NaN until known. */
    public double efficiency = Double.NaN;
    public Regime regime = Regime.UNKNOWN;
    /** The last funding rate, percent per funding interval, positive when longs pay; NaN while unknown. */
    public double fundingRatePct = Double.NaN;

    /** Levels of the entry rule at the last close (Bollinger bands, the MACD histogram and its cross). */
    public double upper = Double.NaN;
    public double lower = Double.NaN;
    public double histogram = Double.NaN;
    public int barSignal;

    /** The position the exits track: its side and entry, the best price since, and the closed bars at entry. */
    int trackedSide;
    double trackedEntry = Double.NaN;
    double bestPrice = Double.NaN;
    long entryBars;

    /** Records a closed bar's close. */
    public void addClose(double close) {
        closes[(int) (closedBars % CLOSES)] = close;
        closedBars++;
    }

    public long closedBars() {
        return closedBars;
    }

    /** Closes recorded and still kept, at most {@link #CLOSES}. */
    public int kept() {
        return (int) Math.min(closedBars, CLOSES);
    }

    /** The close {@code back} bars before the last one (0: the last); {@code back < kept()}. */
    public double close(int back) {
        return closes[(int) ((closedBars - 1 - back) % CLOSES)];
    }

    /**
     * Follows the open position for the exits: a new side or entry price starts a new track at {@code price}'s bar;
     * the best price moves with every tick.
     */
    public void track(double position, double entryPrice, double price) {
        int side = position > 0 ? 1 : position < 0 ? -1 : 0;
        if (side != trackedSide || differs(entryPrice, trackedEntry)) {
            trackedSide = side;
            trackedEntry = entryPrice;
            bestPrice = entryPrice;
            entryBars = closedBars;
        }
        if (side > 0 ? price > bestPrice : side < 0 && price < bestPrice) {
            bestPrice = price;
        }
    }

    /** {@code Double.compare(a, b) != 0} without its NaN checks on the common path, where the bits are equal. */
    private static boolean differs(double a, double b) {
        return Double.doubleToRawLongBits(a) != Double.doubleToRawLongBits(b) && !(a != a && b != b);
    }

    /**
     * Resumes tracking an open position after a restart: entered {@code bars} closed bars ago at {@code entryPrice},
     * with {@code best} the best price seen since (NaN: unknown, the entry price counts).
     */
    public void resume(double position, double entryPrice, long bars, double best) {
        int side = position > 0 ? 1 : position < 0 ? -1 : 0;
        if (side == 0) {
            return;
        }
        trackedSide = side;
        trackedEntry = entryPrice;
        bestPrice = entryPrice;
        if (side > 0 ? best > entryPrice : best < entryPrice) {
            bestPrice = best;
        }
        entryBars = closedBars - Math.max(0, bars);
    }

    /** The best price since the tracked entry: the highest for a long, the lowest for a short. */
    public double bestPrice() {
        return bestPrice;
    }

    /** Closed bars since the tracked entry. */
    public long barsSinceEntry() {
        return closedBars - entryBars;
    }
}
