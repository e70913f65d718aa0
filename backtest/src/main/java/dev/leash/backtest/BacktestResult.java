package dev.leash.backtest;

import dev.leash.venue.Fill;
import dev.leash.risk.Params;

import java.util.List;

/**
 * What a backtest produced.
 *
 * @param symbols the symbols traded, in the engine's index order
 * @param warmupBars bars fed only to the indicators before trading began
 * @param fills every fill, oldest first, exactly as the simulated exchange reported it
 * @param rejectedOrders orders the simulated exchange refused (for example for lack of balance)
 */
public record BacktestResult(Params params, List<String> symbols, int warmupBars, List<Fill> fills,
                             int rejectedOrders, EquityCurve equityCurve, BacktestMetrics metrics) {

    public BacktestResult {
        symbols = List.copyOf(symbols);
        fills = List.copyOf(fills);
    }
}
