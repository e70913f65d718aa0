package dev.leash.gateway.shadow;

import dev.leash.risk.Params;

import java.util.List;

/**
 * What a restart needs to continue the shadow books where they were: every running book, the live side of the
 * scorecard, the accepted changes and the retired books with their final figures.
 *
 * @param stepTime  the trading time of the last market step processed
 * @param stepMillis the spacing of the last two market steps: a larger gap after a restart is missed ticks
 */
public record ShadowsCheckpoint(long stepTime, long stepMillis, Params liveParams, Figures.State live,
                                double[] liveTradeState, int liveClosedTrades, double lastLiveEquity,
                                double[] lastPosition, double[] lastEntry, double[] lastPrice,
                                List<ChangeState> changes, List<Scorecard.Shadow> retired,
                                List<BookCheckpoint> books) {

    /**
     * One accepted change: when, from and to which version, its incumbent shadow (by name and start; null when none
     * ran), the live book's and the baseline's figures since it, and the incumbent's final figures once retired.
     */
    public record ChangeState(long at, long from, long to, String incumbent, long incumbentSince,
                              Figures.State live, Figures.State baseline, BookFigures finalIncumbent) {
    }
}
