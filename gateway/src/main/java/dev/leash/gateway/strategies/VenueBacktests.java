package dev.leash.gateway.strategies;

import dev.leash.backtest.BacktestWindow;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.backtest.WalkForward;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Backtests over the venue's recent bars of every traded symbol (as {@code POST /api/backtest}), judged on the
 * walk-forward test window: the later third, bars neither strategy was chosen on.
 */
public final class VenueBacktests implements Backtests {

    private static final long DAY = 86_400_000L;

    private final Venue venue;
    private final Limits limits;
    private final int days;
    private final LongSupplier tradingTime;

    public VenueBacktests(Venue venue, Limits limits, int days, LongSupplier tradingTime) {
        this.venue = venue;
        this.limits = limits;
        this.days = days;
        this.tradingTime = tradingTime;
    }

    @Override
    public Comparison compare(Params live, Params candidate) {
        long to = Math.floorDiv(tradingTime.getAsLong(), Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS;
        long from = to - days * DAY - Backtester.DEFAULT_WARMUP_BARS * Candle.INTERVAL_MILLIS;
        Map<String, List<Candle>> bars = new LinkedHashMap<>();
        List<Instrument> instruments = new ArrayList<>();
        double equity;
        try {
            for (Instrument in : venue.instruments()) {
                instruments.add(in);
                bars.put(in.symbol(), venue.candles(in.symbol(), from, to));
            }
            equity = venue.account().equity();
        } catch (VenueException e) {
            return Comparison.unavailable("the venue's history could not be read ("
                    + e.getClass().getSimpleName() + ")");
        }
        int shortest = bars.values().stream().mapToInt(List::size).min().orElse(0);
        // two traded bars in the test window at least: the fit share of the rest leaves a third of it
        if (shortest <= Backtester.DEFAULT_WARMUP_BARS + 6) {
            return Comparison.unavailable("the venue has " + shortest + " closed bars for the window; an out-of-sample"
                    + " backtest needs more than " + (Backtester.DEFAULT_WARMUP_BARS + 6));
        }
        bars.replaceAll((s, list) -> list.subList(list.size() - shortest, list.size()));
        Backtester backtester = Backtester.create(instruments, limits, equity, Backtester.DEFAULT_WARMUP_BARS);
        WalkForward split = WalkForward.split(Bars.of(bars), backtester.warmupBars());
        BacktestWindow w = split.testWindow();
        return new Comparison(backtester.run(live, split.test()).metrics(),
                backtester.run(candidate, split.test()).metrics(), w.start(), w.end(), null);
    }
}
