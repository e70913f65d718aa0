package dev.leash.gateway.shadow;

import dev.leash.engine.TradingStatusView;
import dev.leash.risk.Params;
import dev.leash.venue.sim.SimState;

import java.util.List;
import java.util.Map;

/**
 * What a restart needs to continue one shadow book: its params, its simulated account (balance, positions, open
 * orders), its figures, trade count and flags, and its engine's trading status. The engine's bar channels are not
 * kept: a resumed book re-warms them on the bars the live engine warms up on at start.
 *
 * @param stepTime    the trading time of the last market step the book had taken
 * @param start       what the book started from, so its journaled market steps can be replayed
 * @param tradeState  per symbol, the position the trade counter last saw
 */
public record BookCheckpoint(String name, Params params, long since, long stepTime, SimState account, double funding,
                             double startUnrealized, Map<String, Double> startPositions, BookStart start,
                             Figures.State figures, double[] tradeState, int closedTrades, List<String> flags,
                             TradingStatusView status) {

    /**
     * What a book started from: the live book's equity, and per symbol its position, entry price and last price.
     */
    public record BookStart(double equity, double[] position, double[] entry, double[] price) {
    }
}
