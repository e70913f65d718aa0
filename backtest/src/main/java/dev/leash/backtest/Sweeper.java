package dev.leash.backtest;

import dev.leash.engine.EngineListener;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs every valid combination of a {@link ParamSweep} over the same bars, on {@code threads} threads: the bars
 * are read once and shared read-only, each run has its own engine and exchange, and only each run's metrics are
 * kept (not its equity curve or fills), so memory does not grow with the number of combinations. A combination's
 * result does not depend on the thread count: it is the same as {@link Backtester#run(Params, Bars)}.
 */
public final class Sweeper {

    private final Backtester backtester;
    private final Limits limits;
    private final int threads;

    /**
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public Sweeper(Backtester backtester, Limits limits, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.backtester = backtester;
        this.limits = limits;
        this.threads = threads;
    }

    /** One thread per available processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code sweep} applied to {@code base} over {@code bars}; {@code progress} sees the bars done over all
     * runs (called from the worker threads, one call at a time).
     */
    public SweepResult run(ParamSweep sweep, Params base, Bars bars, SweepMetric sortBy, BacktestProgress progress)
            throws InterruptedException {
        List<ParamSweep.Point> valid = new ArrayList<>();
        List<ParamSweep.Point> invalid = new ArrayList<>();
        for (ParamSweep.Point p : sweep.points(base, limits)) {
            (p.valid() ? valid : invalid).add(p);
        }
        long perRun = bars.size();
        long total = perRun * valid.size();
        SharedProgress shared = new SharedProgress(progress, total);
        List<SweepResult.Row> rows = new ArrayList<>();
        int pool = Math.max(1, Math.min(threads, valid.size()));
        ExecutorService executor = Executors.newFixedThreadPool(pool, r -> {
            Thread t = new Thread(r, "sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<SweepResult.Row>> futures = new ArrayList<>();
            for (ParamSweep.Point p : valid) {
                futures.add(executor.submit(() -> {
                    BacktestResult r = backtester.run(p.params(), bars, EngineListener.NONE,
                            shared.forOneRun());
                    return new SweepResult.Row(p, r.fills().size(), r.metrics());
                }));
            }
            for (Future<SweepResult.Row> f : futures) {
                rows.add(get(f));
            }
        } finally {
            executor.shutdownNow();
        }
        shared.finish();
        return new SweepResult(sweep.axes(), sortBy, rows, invalid);
    }

    private static SweepResult.Row get(Future<SweepResult.Row> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Sums the bars done of concurrent runs into one progress, reported one call at a time. */
    private static final class SharedProgress {
        private final BacktestProgress target;
        private final long total;
        private long done;

        SharedProgress(BacktestProgress target, long total) {
            this.target = target;
            this.total = total;
        }

        BacktestProgress forOneRun() {
            long[] seen = new long[1];
            return (barsDone, barsTotal) -> {
                long delta = barsDone - seen[0];
                seen[0] = barsDone;
                add(delta);
            };
        }

        private synchronized void add(long delta) {
            done += delta;
            if (done < total) {
                target.onProgress(done, total);
            }
        }

        synchronized void finish() {
            if (total > 0) {
                target.onProgress(total, total);
            }
        }
    }
}
