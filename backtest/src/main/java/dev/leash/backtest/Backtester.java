package dev.leash.backtest;

import dev.leash.engine.EngineListener;
import dev.leash.venue.sim.SimExchange;
import dev.leash.venue.Instrument;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs the real {@code Engine} over historical 5-minute bars on a {@link SimExchange} with default costs, in the
 * same event order as the live runner on the simulated venue, so that both produce the same fills from the same
 * bars.
 *
 * <p>Per bar after the warm-up and per tick-path point {@code i} in 0..3 at {@code t = open + i * 75 s}: prices to
 * the exchange, funding when {@code t} is a funding time, {@code onClock(t)}, the previous bar's close (at
 * {@code i == 0}), then {@code onTick} per symbol with that tick's orders placed; a market order waits, open, for the
 * next point's price, and its fill reaches the engine after that step's {@code onClock}, as the live order tracker
 * delivers a venue's. See {@link BacktestRun} for the exact sequence.
 *
 * <p>Immutable and thread-safe; each run builds its own engine and exchange.
 */
public final class Backtester {

    /** Default warm-up: enough closed bars for the largest lookback and every indicator. */
    public static final int DEFAULT_WARMUP_BARS = 400;

    private final Map<String, Instrument> instruments;
    private final Limits limits;
    private final double initialBalance;
    private final int warmupBars;

    private Backtester(Map<String, Instrument> instruments, Limits limits, double initialBalance, int warmupBars) {
        this.instruments = instruments;
        this.limits = limits;
        this.initialBalance = initialBalance;
        this.warmupBars = warmupBars;
    }

    /**
     * A backtester for bars of any of {@code instruments}, under {@code limits}, starting with
     * {@code initialBalance} USDT; the first {@code warmupBars} bars only feed the indicators.
     */
    public static Backtester create(List<Instrument> instruments, Limits limits, double initialBalance,
                                    int warmupBars) {
        Objects.requireNonNull(limits, "limits");
        if (!(initialBalance > 0) || !Double.isFinite(initialBalance)) {
            throw new IllegalArgumentException("initial balance must be positive: " + initialBalance);
        }
        if (warmupBars < 0) {
            throw new IllegalArgumentException("warm-up bars must not be negative: " + warmupBars);
        }
        Map<String, Instrument> bySymbol = new HashMap<>();
        for (Instrument in : instruments) {
            bySymbol.put(in.symbol(), in);
        }
        return new Backtester(Map.copyOf(bySymbol), limits, initialBalance, warmupBars);
    }

    /** Same, under the hard ceilings with every instrument on the allowlist. */
    public static Backtester create(List<Instrument> instruments, double initialBalance, int warmupBars) {
        LinkedHashSet<String> allowlist = new LinkedHashSet<>();
        for (Instrument in : instruments) {
            allowlist.add(in.symbol());
        }
        return create(instruments, Limits.hard(allowlist), initialBalance, warmupBars);
    }

    public int warmupBars() {
        return warmupBars;
    }

    public double initialBalance() {
        return initialBalance;
    }

    /**
     * The fast path: no decisions reported, no progress, nothing allocated per bar beyond what the engine and the
     * exchange allocate themselves.
     */
    public BacktestResult run(Params params, Bars bars) {
        return run(params, bars, EngineListener.NONE, BacktestProgress.NONE);
    }

    /**
     * Runs {@code params} over {@code bars}; {@code listener} sees every engine decision, rejection and state
     * change as the journal would.
     *
     * @throws IllegalArgumentException when a symbol of the bars has no instrument
     */
    public BacktestResult run(Params params, Bars bars, EngineListener listener, BacktestProgress progress) {
        Objects.requireNonNull(params, "params");
        return new BacktestRun(instrumentsFor(bars), limits, params, initialBalance, warmupBars, bars,
                listener, progress).execute();
    }

    /** Runs the current parameters and a candidate over the same bars. */
    public BacktestComparison compare(Params current, Params candidate, Bars bars) {
        return new BacktestComparison(run(current, bars), run(candidate, bars));
    }

    private List<Instrument> instrumentsFor(Bars bars) {
        List<Instrument> out = new ArrayList<>();
        for (String symbol : bars.symbols()) {
            Instrument in = instruments.get(symbol);
            if (in == null) {
                throw new IllegalArgumentException("no instrument for " + symbol + "; known: "
                        + new java.util.TreeSet<>(instruments.keySet()));
            }
            out.add(in);
        }
        return out;
    }
}
