package dev.leash.backtest;

import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.risk.Params;

import java.util.List;

/**
 * What a backtest produced.
 *
 * @param symbols the symbols traded, in the engine's index order
 * @param warmupBars bars fed only to the indicators before trading began
 * @param fills every fill, oldest first, exactly as the simulated exchange reported it (a backtest's are kept as
 *              primitive columns and each is built when read)
 * @param rejectedOrders orders the simulated exchange refused (for example for lack of balance)
 * @param cancelledAtEnd market orders sent at the last step, still waiting for a next price when the bars ended:
 *                       cancelled unfilled, as they were when sent
 */
public record BacktestResult(Params params, List<String> symbols, int warmupBars, List<Fill> fills,
                             int rejectedOrders, EquityCurve equityCurve, BacktestMetrics metrics,
                             List<Order> cancelledAtEnd) {

    public BacktestResult {
        symbols = List.copyOf(symbols);
        fills = fills instanceof FillColumns ? fills : List.copyOf(fills); // columns: unmodifiable, built per read
        cancelledAtEnd = List.copyOf(cancelledAtEnd);
    }

    /** A result with no order left waiting at the end. */
    public BacktestResult(Params params, List<String> symbols, int warmupBars, List<Fill> fills, int rejectedOrders,
                          EquityCurve equityCurve, BacktestMetrics metrics) {
        this(params, symbols, warmupBars, fills, rejectedOrders, equityCurve, metrics, List.of());
    }
}
