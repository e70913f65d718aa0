package dev.leash.backtest;

import dev.leash.venue.Candle;

import java.util.Locale;

/**
 * The stretch of history a backtest actually traded, as opposed to what was asked for.
 *
 * @param start open time of the first bar traded (after the warm-up), epoch milliseconds UTC
 * @param end close time of the last bar traded, epoch milliseconds UTC
 * @param barsPerSymbol bars traded per symbol, one equity point each
 * @param warmupBars bars before {@code start} that only fed the indicators and were not traded
 */
public record BacktestWindow(long start, long end, int barsPerSymbol, int warmupBars) {

    private static final double DAY_MILLIS = 86_400_000.0;

    /** The window a backtest over {@code bars} with {@code warmupBars} of warm-up trades; none when all is warm-up. */
    public static BacktestWindow of(Bars bars, int warmupBars) {
        int warmup = Math.min(warmupBars, bars.size());
        if (warmup >= bars.size()) {
            long t = bars.size() == 0 ? 0 : bars.openTime(bars.size() - 1) + Candle.INTERVAL_MILLIS;
            return new BacktestWindow(t, t, 0, warmup);
        }
        return new BacktestWindow(bars.openTime(warmup), bars.openTime(bars.size() - 1) + Candle.INTERVAL_MILLIS,
                bars.size() - warmup, warmup);
    }

    /** Days traded: bars times five minutes, in days. */
    public double days() {
        return barsPerSymbol * (double) Candle.INTERVAL_MILLIS / DAY_MILLIS;
    }

    /** True when the window traded fewer days than {@code requestedDays} (allowing for one missing bar). */
    public boolean shorterThan(int requestedDays) {
        return barsPerSymbol + 1 < requestedDays * DAY_MILLIS / Candle.INTERVAL_MILLIS;
    }

    /** A plain sentence on what was used against what was asked; says so when less history was available. */
    public String describe(int requestedDays) {
        if (shorterThan(requestedDays)) {
            return String.format(Locale.ROOT, "only %.1f of the %d days requested were available and used"
                    + " (%d bars per symbol after %d warm-up bars)", days(), requestedDays, barsPerSymbol,
                    warmupBars);
        }
        return String.format(Locale.ROOT, "%.1f days used, as requested (%d bars per symbol after %d warm-up"
                + " bars)", days(), barsPerSymbol, warmupBars);
    }
}
