package dev.leash.gateway.shadow;

import dev.leash.risk.Params;

import java.util.Arrays;
import java.util.List;

/**
 * What the live book saw in one step of the engine driver, handed to the shadow books: the same market events, and
 * the live book's params, equity and positions after the step (for the live side of the scorecard).
 *
 * @param fresh     per symbol, whether the feed had a trade (then {@code price} and {@code mark} hold it)
 * @param warmup    the bars the live engine warmed up on before its first step (empty after the first step)
 * @param bars      the bars the live engine closed in this step, in the order it closed them
 * @param liveEntry per symbol, the live position's average entry price
 * @param funding   per symbol, the funding rate the live engine was fed, percent per interval (NaN: unknown)
 * @param liveTracking what the live engine tracked after the step beyond its positions (orders in flight, exits,
 *                     entry attempts), for a shadow started from the live book's state
 */
public record MarketStep(long time, double[] price, double[] mark, boolean[] fresh, List<ClosedBar> warmup,
                         List<ClosedBar> bars, Params liveParams, double liveEquity, double[] livePosition,
                         double[] liveEntry, double[] funding, LiveTracking liveTracking) {

    /** A step after which the live book tracks nothing beyond its positions. */
    public MarketStep(long time, double[] price, double[] mark, boolean[] fresh, List<ClosedBar> warmup,
                      List<ClosedBar> bars, Params liveParams, double liveEquity, double[] livePosition,
                      double[] liveEntry, double[] funding) {
        this(time, price, mark, fresh, warmup, bars, liveParams, liveEquity, livePosition, liveEntry, funding,
                LiveTracking.none(price.length));
    }

    /** A step whose funding rates are unknown. */
    public MarketStep(long time, double[] price, double[] mark, boolean[] fresh, List<ClosedBar> warmup,
                      List<ClosedBar> bars, Params liveParams, double liveEquity, double[] livePosition,
                      double[] liveEntry) {
        this(time, price, mark, fresh, warmup, bars, liveParams, liveEquity, livePosition, liveEntry,
                unknown(price.length));
    }

    private static double[] unknown(int symbols) {
        double[] out = new double[symbols];
        Arrays.fill(out, Double.NaN);
        return out;
    }
}
