package dev.leash.gateway.loop;

import dev.leash.engine.Signals;
import dev.leash.risk.TradingState;

import java.util.List;

/**
 * An immutable picture of the inner loop, published after every step for readers on other threads.
 *
 * @param time trading time of the last step
 * @param wallTime wall-clock time of the last step
 */
public record EngineSnapshot(long time, long wallTime, TradingState state, long paramsVersion,
                             double startOfDayEquity, List<SymbolView> symbols, long steps, long errors,
                             String lastError) {

    /** One symbol as the engine sees it. */
    public record SymbolView(String symbol, double position, double entryPrice, double lastPrice, String pendingOrder,
                             Signals signals) {
    }
}
