package dev.leash.gateway.cli;

import dev.leash.backtest.Bars;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.ParamSweep;
import dev.leash.backtest.ProgressBar;
import dev.leash.backtest.SweepAxis;
import dev.leash.backtest.SweepMetric;
import dev.leash.backtest.SweepReport;
import dev.leash.backtest.SweepResult;
import dev.leash.backtest.Sweeper;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The checked {@code --sweep}, {@code --sort-by} and {@code --threads} options of {@code backtest}. */
record SweepOptions(ParamSweep sweep, SweepMetric sortBy, int threads) {

    /** Parses the options; every mistake is a usage error that names the spec and the expected form. */
    static SweepOptions parse(List<String> specs, String sortBy, Integer threads) throws UsageException {
        List<SweepAxis> axes = new ArrayList<>();
        for (String spec : specs) {
            SweepAxis.Parse p = SweepAxis.parse(spec);
            if (!p.ok()) {
                throw new UsageException(p.error());
            }
            axes.add(p.axis());
        }
        ParamSweep.Build build = ParamSweep.of(axes);
        if (!build.ok()) {
            throw new UsageException(build.error());
        }
        SweepMetric metric = sortBy == null ? SweepMetric.RETURN_PCT : SweepMetric.byWireName(sortBy);
        if (metric == null) {
            throw new UsageException("--sort-by '" + sortBy + "' is not a metric; one of " + SweepMetric.names());
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be at least 1, not " + threads);
        }
        return new SweepOptions(build.sweep(), metric, threads == null ? Sweeper.defaultThreads() : threads);
    }

    /**
     * Runs the sweep; the table goes to {@code out}, progress and notes to {@code err}; exit code 0. An axis the
     * params' strategy has no block for is a usage error before any run.
     */
    int run(Backtester backtester, Limits limits, Params base, Bars bars, String title, Path report,
            PrintStream out, PrintStream err) throws Exception {
        String ineffective = sweep.ineffectiveOn(base);
        if (ineffective != null) {
            throw new UsageException("--sweep " + ineffective);
        }
        err.println("sweep: " + sweep.size() + " combinations of " + names() + " on " + threads + " threads");
        long started = System.nanoTime();
        SweepResult r = new Sweeper(backtester, limits, threads).run(sweep, base, bars, sortBy,
                new ProgressBar(err, "sweep", System::nanoTime));
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        err.println(String.format(java.util.Locale.ROOT, "sweep: %d runs of %,d bars in %.1f s", r.rows().size(),
                bars.size(), seconds));
        out.print(SweepReport.text(r));
        if (report != null) {
            SweepReport.write(report, title, r);
            err.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }

    private List<String> names() {
        List<String> out = new ArrayList<>();
        sweep.axes().forEach(a -> out.add(a.name()));
        return out;
    }
}
