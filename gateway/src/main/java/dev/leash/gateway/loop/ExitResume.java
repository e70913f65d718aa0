package dev.leash.gateway.loop;

import dev.leash.engine.BarSink;
import dev.leash.engine.Engine;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds, at start, where the exits of each open position stood: its entry time from the venue's fills (the newest
 * fill that opened or grew it), the closed bars since, and the best price since from the warm-up bars (the highs, or
 * lows for a short, of the bars opened after the entry and the close of the entry's bar). So a restart neither
 * resets a time stop nor forgets a trailing stop's best price. Inner-loop thread only, used once.
 */
final class ExitResume {

    /** How far back the venue's fills are searched for an entry: the longest time stop, 7 days. */
    static final long SEARCH_MILLIS = 7 * 86_400_000L;

    private final Engine engine;
    private final long[] entryTime;
    private final double[] best;

    private ExitResume(Engine engine, long[] entryTime) {
        this.engine = engine;
        this.entryTime = entryTime;
        this.best = new double[entryTime.length];
        Arrays.fill(best, Double.NaN);
    }

    /**
     * For the engine's positions as set from the venue, with the venue's fills of the {@link #SEARCH_MILLIS} before
     * {@code now}; a position whose opening fill is older counts as entered at the start of the search.
     */
    static ExitResume of(Engine engine, List<Fill> fills, long now) {
        List<Fill> byTime = new ArrayList<>(fills);
        byTime.sort(Comparator.comparingLong(Fill::time));
        long[] entry = new long[engine.symbols().size()];
        for (int s = 0; s < entry.length; s++) {
            entry[s] = engine.position(s) == 0 ? Long.MAX_VALUE
                    : entryTime(byTime, engine.symbols().get(s), engine.position(s), now - SEARCH_MILLIS);
        }
        return new ExitResume(engine, entry);
    }

    /** Nothing to resume (no open position, or fills the venue could not give): the exits start at the first tick. */
    static ExitResume none(Engine engine) {
        long[] entry = new long[engine.symbols().size()];
        Arrays.fill(entry, Long.MAX_VALUE);
        return new ExitResume(engine, entry);
    }

    /**
     * The time of the newest fill of {@code symbol} (fills oldest first) that opened or grew the position {@code qty}
     * held now; {@code oldest} when none did.
     */
    static long entryTime(List<Fill> fills, String symbol, double qty, long oldest) {
        double after = qty;
        for (int i = fills.size() - 1; i >= 0; i--) {
            Fill f = fills.get(i);
            if (!f.symbol().equals(symbol)) {
                continue;
            }
            double before = after - f.side().sign() * f.qty();
            if (Math.abs(after) > Math.abs(before) || Math.signum(before) != Math.signum(after)) {
                return f.time();
            }
            after = before;
        }
        return oldest;
    }

    /** Wraps the warm-up sink: each bar after an entry moves that position's best price. */
    BarSink watch(BarSink warmup) {
        return (sym, closeTime, high, low, close, volume) -> {
            warmup.barClosed(sym, closeTime, high, low, close, volume);
            long open = closeTime - Candle.INTERVAL_MILLIS;
            if (closeTime <= entryTime[sym]) {
                return;
            }
            int side = engine.position(sym) > 0 ? 1 : -1;
            double price = open >= entryTime[sym] ? (side > 0 ? high : low) : close;
            if (Double.isNaN(best[sym]) || side * (price - best[sym]) > 0) {
                best[sym] = price;
            }
        };
    }

    /** Hands each open position's bars since entry (closes in (entry, {@code now}]) and best price to the engine. */
    void resume(long now) {
        for (int s = 0; s < entryTime.length; s++) {
            if (entryTime[s] != Long.MAX_VALUE && engine.position(s) != 0) {
                long bars = Math.floorDiv(now, Candle.INTERVAL_MILLIS)
                        - Math.floorDiv(entryTime[s], Candle.INTERVAL_MILLIS);
                engine.resumeExits(s, bars, best[s]);
            }
        }
    }
}
