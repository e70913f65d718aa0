package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.backtest.BacktestMetrics;
import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.CandleCsv;
import dev.leash.backtest.HtmlReport;
import dev.leash.backtest.ProgressBar;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.engine.EngineListener;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Instrument;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code backtest --data candles.csv [--params ai_params.json] [--report out.html] [--symbol S] [--balance N]}:
 * replays CSV candles through the real engine on the paper exchange. Progress goes to stderr, the metrics as JSON
 * to stdout, and an HTML report (metrics and equity curve) to {@code --report}. With {@code --sweep}, every
 * combination of the swept fields runs over the same bars ({@link SweepOptions}).
 */
@Command(name = "backtest", description = "Replay CSV candles through the engine on the paper exchange.")
final class BacktestCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Option(names = "--data", paramLabel = "CSV", description = "the candles to replay (required)")
    Path data;

    @Option(names = "--params", paramLabel = "FILE", description = "an ai_params.json (default: the baseline)")
    Path paramsFile;

    @Option(names = "--report", paramLabel = "FILE", description = "write an HTML report here")
    Path report;

    @Option(names = "--symbol", paramLabel = "S", description = "replay only this symbol")
    String symbol;

    @Option(names = "--balance", paramLabel = "N", description = "the initial balance in USDT (default 100000)")
    Double balance;

    @Option(names = "--config", paramLabel = "FILE", hidden = true, description = "accepted and ignored")
    Path config;

    @Option(names = "--sweep", paramLabel = "FIELD=FROM:TO:STEP",
            description = "run every combination of the swept numeric parameters (repeatable); FROM and TO included")
    List<String> sweeps;

    @Option(names = "--sort-by", paramLabel = "METRIC",
            description = "sweep table order: return_pct (default), sharpe, max_drawdown_pct, profit_factor, "
                    + "win_rate_pct")
    String sortBy;

    @Option(names = "--threads", paramLabel = "N", description = "sweep threads (default: one per core)")
    Integer threads;

    private final PrintStream out;
    private final PrintStream err;

    BacktestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (data == null) {
            throw new UsageException("backtest needs --data candles.csv");
        }
        SweepOptions sweep = sweeps == null ? null : SweepOptions.parse(sweeps, sortBy, threads);
        if (sweep == null && (sortBy != null || threads != null)) {
            throw new UsageException("--sort-by and --threads need --sweep FIELD=FROM:TO:STEP");
        }
        long started = System.nanoTime();
        CandleCsv.LoadedBars loaded = CandleCsv.readBars(data, symbol);
        double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
        err.println(String.format(Locale.ROOT, "read %,d bars in %.1f s (%,.0f bars/s)", loaded.count(), seconds,
                loaded.count() / seconds));
        for (CandleCsv.Gap gap : loaded.gaps()) {
            err.println("note: " + gap.symbol() + " has " + gap.missingBars() + " missing bars after "
                    + Instant.ofEpochMilli(gap.afterOpenTime()));
        }
        List<String> symbols = loaded.bars().symbols();
        Limits limits = Limits.hard(new LinkedHashSet<>(symbols));
        Params params = params(paramsFile, symbols, limits);
        List<Instrument> instruments = instruments(symbols, err);
        double initial = balance == null ? 100_000 : balance;
        int warmup = Math.min(Backtester.DEFAULT_WARMUP_BARS, Math.max(0, loaded.bars().size() / 10));
        err.println("backtest: " + loaded.count() + " bars of " + symbols + ", params version " + params.version()
                + ", " + warmup + " warm-up bars");
        Backtester backtester = Backtester.create(instruments, limits, initial, warmup);
        if (sweep != null) {
            return sweep.run(backtester, limits, params, loaded.bars(), "Leash sweep of " + data.getFileName(),
                    report, out, err);
        }
        BacktestResult r = backtester.run(params, loaded.bars(), EngineListener.NONE,
                ProgressBar.toStderr("backtest"));
        out.println(ParamsJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary(r)));
        if (report != null) {
            HtmlReport.write(report, "Leash backtest of " + data.getFileName(), r);
            err.println("report: " + report.toAbsolutePath());
        }
        return 0;
    }

    private static Params params(Path file, List<String> symbols, Limits limits) throws Exception {
        Params p;
        if (file == null) {
            ObjectNode doc = ConfigLoader.defaultBaseline(symbols);
            doc.put("version", 1).put("updated_by", "backtest").put("rationale", "default baseline")
                    .put("updated_at", Instant.EPOCH.toString());
            p = ParamsJson.parseDocument(doc).params();
        } else {
            ParamsJson.JsonParse tree = ParamsJson.readTree(Files.readString(file));
            if (tree.error() != null) {
                throw new UsageException(file + ": " + tree.error().message());
            }
            ParamsJson.Parsed parsed = ParamsJson.parseDocument(tree.node());
            if (!parsed.ok()) {
                throw new UsageException(file + ": " + describe(parsed.violations()));
            }
            p = parsed.params();
        }
        List<Violation> bad = new ParamPolicy(limits).validate(p);
        if (!bad.isEmpty()) {
            throw new UsageException((file == null ? "params" : file.toString()) + ": " + describe(bad));
        }
        return p;
    }

    private static List<Instrument> instruments(List<String> symbols, PrintStream err) {
        List<Instrument> out = new ArrayList<>();
        for (String s : symbols) {
            Instrument known = SyntheticMarket.DEFAULT_SPECS.stream().map(SyntheticMarket.Spec::instrument)
                    .filter(i -> i.symbol().equals(s)).findFirst().orElse(null);
            if (known == null) {
                known = new Instrument(s, 0.0001, 0.001, 0.001, 5.0);
                err.println("note: no instrument rules known for " + s + "; using tick 0.0001, lot 0.001, "
                        + "minimum 0.001 and 5 USDT notional");
            }
            out.add(known);
        }
        return out;
    }

    private static ObjectNode summary(BacktestResult r) {
        BacktestMetrics m = r.metrics();
        ObjectNode o = ParamsJson.MAPPER.createObjectNode();
        o.put("params_version", r.params().version());
        o.putPOJO("symbols", r.symbols());
        o.put("bars", m.barsProcessed());
        o.put("fills", r.fills().size());
        o.put("trades", m.trades());
        o.put("initial_balance", m.initialBalance());
        o.put("final_equity", round(m.finalEquity()));
        o.put("return_pct", round(m.totalReturnPct()));
        o.put("max_drawdown_pct", round(m.maxDrawdownPct()));
        if (m.sharpeUnavailableReason() == null) {
            o.put("sharpe", round(m.sharpe()));
        } else {
            o.put("sharpe_unavailable", m.sharpeUnavailableReason());
        }
        o.put("win_rate_pct", round(m.winRatePct()));
        o.put("profit_factor", round(m.profitFactor()));
        o.put("fees", round(m.feesPaid()));
        o.put("funding", round(m.fundingPaid()));
        return o;
    }

    private static double round(double v) {
        return Double.isFinite(v) ? Math.rint(v * 10_000) / 10_000 : v;
    }

    private static String describe(List<Violation> vs) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : vs) {
            sb.append(sb.length() == 0 ? "" : "; ").append(v.field()).append(": ").append(v.message());
        }
        return sb.toString();
    }
}
