package dev.leash.engine;

import dev.leash.engine.strategy.MarketState;
import dev.leash.engine.strategy.RegimeRule;
import dev.leash.engine.strategy.Strategy;

/** Hands a closed bar to the strategy blocks of a symbol: the close, the channel, the indicators, the regime. */
final class StrategyBars {

    private StrategyBars() {
    }

    /** After the symbol's channel (and, when {@code indicators}, its indicators) took the bar. */
    static void onBar(SymbolState s, double close, boolean indicators, Strategy strategy) {
        MarketState m = s.market;
        m.addClose(close);
        m.channelHigh = s.channelHigh;
        m.channelLow = s.channelLow;
        if (indicators) {
            m.rsi = s.indicators.rsi;
            m.volumeRatio = s.indicators.volumeRatio;
            m.realizedVolatility = s.indicators.realizedVolatility;
            RegimeRule.update(m);
        }
        strategy.entry().onBar(m);
    }
}
