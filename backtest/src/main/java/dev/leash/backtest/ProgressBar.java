package dev.leash.backtest;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A text progress bar for long backtests on stderr, redrawn in place with a carriage return: at most once per
 * {@link #MIN_INTERVAL_NANOS} and only when the whole percentage moved, then one final line with the rate.
 * Never writes to stdout, which stays free for a report or piped output. Time comes from the clock given.
 */
public final class ProgressBar implements BacktestProgress {

    /** Shortest time between two redraws: 200 ms. */
    public static final long MIN_INTERVAL_NANOS = 200_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final LongSupplier nanoClock;
    private final long started;
    private long lastDraw;
    private long lastPercent = -1;
    private boolean finished;

    /**
     * @throws IllegalArgumentException when {@code out} is {@code System.out}
     */
    public ProgressBar(PrintStream out, String label, LongSupplier nanoClock) {
        if (out == System.out) {
            throw new IllegalArgumentException("progress goes to stderr, never to stdout");
        }
        this.out = Objects.requireNonNull(out, "out");
        this.label = label;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDraw = started - MIN_INTERVAL_NANOS;
    }

    /** A progress bar on {@code System.err} with the system's monotonic clock. */
    public static ProgressBar toStderr(String label) {
        return new ProgressBar(System.err, label, System::nanoTime);
    }

    @Override
    public void onProgress(long barsDone, long barsTotal) {
        if (finished) {
            return;
        }
        long now = nanoClock.getAsLong();
        if (barsDone >= barsTotal) {
            finished = true;
            double seconds = Math.max(1e-9, (now - started) / 1e9);
            out.print(String.format(Locale.ROOT, "\r%s [%s] 100%% %,d bars in %.1f s (%,.0f bars/s)%n", label,
                    bar(WIDTH), barsTotal, seconds, barsTotal / seconds));
            out.flush();
            return;
        }
        long percent = barsTotal <= 0 ? 0 : barsDone * 100 / barsTotal;
        if (percent == lastPercent || now - lastDraw < MIN_INTERVAL_NANOS) {
            return;
        }
        lastPercent = percent;
        lastDraw = now;
        out.print(String.format(Locale.ROOT, "\r%s [%s] %3d%% %,d/%,d bars", label, bar((int) (percent * WIDTH / 100)),
                percent, barsDone, barsTotal));
        out.flush();
    }

    private static String bar(int filled) {
        return "#".repeat(filled) + ".".repeat(WIDTH - filled);
    }
}
