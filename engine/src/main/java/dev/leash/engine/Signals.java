package dev.leash.engine;

import dev.leash.risk.Regime;

/**
 * The market signals behind a decision. NaN where not enough bars were seen yet.
 *
 * @param channelHigh highest high of the previous {@code breakout_lookback} closed bars
 * @param channelLow lowest low of the same bars
 * @param rsi RSI(14), Wilder smoothing, 0..100
 * @param macdHistogram MACD(12, 26, 9) line minus its signal
 * @param bollingerPctB (close - lower) / (upper - lower) of Bollinger(20, 2)
 * @param volumeRatio bar volume over its 20-bar average
 * @param atr ATR(14), Wilder smoothing, quote units
 * @param realizedVolatility standard deviation of 5-minute log returns over 20 bars, annualized, percent
 * @param regime the market-regime label ({@link dev.leash.engine.strategy.RegimeRule}); never null
 */
public record Signals(double price, double channelHigh, double channelLow, double rsi, double macdHistogram,
                      double bollingerPctB, double volumeRatio, double atr, double realizedVolatility,
                      Regime regime) {

    public Signals {
        regime = regime == null ? Regime.UNKNOWN : regime;
    }

    /** Signals recorded without a regime label (older journal rows): {@link Regime#UNKNOWN}. */
    public Signals(double price, double channelHigh, double channelLow, double rsi, double macdHistogram,
                   double bollingerPctB, double volumeRatio, double atr, double realizedVolatility) {
        this(price, channelHigh, channelLow, rsi, macdHistogram, bollingerPctB, volumeRatio, atr, realizedVolatility,
                Regime.UNKNOWN);
    }
}
