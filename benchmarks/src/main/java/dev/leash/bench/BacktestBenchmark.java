package dev.leash.bench;

import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.venue.sim.SimExchange;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.sim.TickPath;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Bars per second of a backtest: {@link #engine()} runs one million synthetic 5-minute bars of one symbol through
 * the real engine and paper exchange (the backtester's fast path); {@link #baseline()} runs the same rule
 * (20-bar breakout entry and reversal, 1.5 % stop-loss, 2 % of equity rounded down to the lot, taker fee) by hand
 * over the same primitive arrays, as the floor to compare with. Scores are bars per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(BacktestBenchmark.BARS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class BacktestBenchmark {

    static final int BARS = 1_000_000;
    private static final long ORIGIN = 1_704_067_200_000L;
    private static final int WARMUP_BARS = Backtester.DEFAULT_WARMUP_BARS;
    private static final int LOOKBACK = 20;
    private static final double POSITION_PCT = 2.0;
    private static final double STOP_PCT = 1.5;
    private static final double INITIAL = 100_000.0;

    private long[] openTime;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private Instrument instrument;
    private Bars bars;
    private Backtester backtester;
    private Params params;

    @Setup(Level.Trial)
    public void generate() {
        SyntheticMarket.Spec spec = SyntheticMarket.DEFAULT_SPECS.get(0);
        instrument = spec.instrument();
        SyntheticMarket market = new SyntheticMarket(42, List.of(spec), ORIGIN);
        openTime = new long[BARS];
        open = new double[BARS];
        high = new double[BARS];
        low = new double[BARS];
        close = new double[BARS];
        volume = new double[BARS];
        for (int k = 0; k < BARS; k++) {
            Candle c = market.bar(0, k);
            openTime[k] = c.openTime();
            open[k] = c.open();
            high[k] = c.high();
            low[k] = c.low();
            close[k] = c.close();
            volume[k] = c.volume();
        }
        bars = Bars.ofArrays(instrument.symbol(), openTime, open, high, low, close, volume);
        backtester = Backtester.create(List.of(instrument), INITIAL, WARMUP_BARS);
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put(instrument.symbol(), new SymbolParams(true, 1.0));
        params = new Params(1, POSITION_PCT, STOP_PCT, null, LOOKBACK, 2.0, 3.0, TradingMode.ACTIVE, symbols,
                "bench", "", Instant.EPOCH);
    }

    /** The real engine on the paper exchange; returns the final equity. */
    @Benchmark
    public double engine() {
        return backtester.run(params, bars).metrics().finalEquity();
    }

    /** The same rule by hand over the primitive arrays, no engine, no exchange; returns the final equity. */
    @Benchmark
    public double baseline() {
        double fee = SimExchange.Costs.DEFAULT.takerFee();
        double lot = instrument.lotStep();
        double[] ringHigh = new double[LOOKBACK];
        double[] ringLow = new double[LOOKBACK];
        int closed = 0;
        for (int k = 0; k < WARMUP_BARS; k++) {
            ringHigh[closed % LOOKBACK] = high[k];
            ringLow[closed % LOOKBACK] = low[k];
            closed++;
        }
        double chHigh = max(ringHigh);
        double chLow = min(ringLow);
        double wallet = INITIAL;
        double pos = 0;
        double entry = 0;
        double last = close[WARMUP_BARS - 1];
        int lastEntryBar = -1;
        for (int k = WARMUP_BARS; k < BARS; k++) {
            if (k - 1 >= WARMUP_BARS) {
                int slot = closed++ % LOOKBACK;
                ringHigh[slot] = high[k - 1];
                ringLow[slot] = low[k - 1];
                chHigh = max(ringHigh);
                chLow = min(ringLow);
            }
            for (int i = 0; i < TickPath.POINTS; i++) {
                double price = TickPath.point(open[k], high[k], low[k], close[k], i);
                last = price;
                int want = 0;
                if (pos != 0) {
                    double adverse = Math.signum(pos) * (entry - price) / entry * 100.0;
                    boolean against = pos > 0 ? price < chLow : price > chHigh;
                    if (adverse >= STOP_PCT || (against && lastEntryBar == k)) {
                        wallet += pos * (price - entry) - Math.abs(pos) * price * fee;
                        pos = 0;
                        lastEntryBar = k;
                    } else if (against) {
                        want = pos > 0 ? -1 : 1;
                    }
                } else if (lastEntryBar != k) {
                    want = price > chHigh ? 1 : price < chLow ? -1 : 0;
                }
                if (want != 0) {
                    double equity = wallet + pos * (price - entry);
                    double qty = Math.floor(POSITION_PCT / 100.0 * equity / price / lot + 1e-9) * lot;
                    lastEntryBar = k;
                    wallet += pos * (price - entry) - (Math.abs(pos) + qty) * price * fee;
                    pos = want * qty;
                    entry = price;
                }
            }
        }
        return wallet + pos * (last - entry);
    }

    private static double max(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : a) {
            m = Math.max(m, x);
        }
        return m;
    }

    private static double min(double[] a) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : a) {
            m = Math.min(m, x);
        }
        return m;
    }
}
