package dev.leash.bench;

import dev.leash.risk.ChangeLog;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Evaluation of a full proposal: every field changed within the rules, three symbols, a change log of 20 entries,
 * so validation, step, drift, cooldown and daily-count rules all run and the verdict is an accept. Goal: at most
 * 5 us/op.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParamPolicyBenchmark {

    private static final int LOG_ENTRIES = 20;
    /** Size, stop, leverage, daily loss, mode, SOLUSDT enabled, and three multipliers. */
    private static final int RAISED_FIELDS = 9;
    private static final String AUTHOR = "claude";
    private static final String RATIONALE = "Breakouts held for three sessions; widen stops and size up a step.";

    private ParamPolicy policy;
    private Params current;
    private Params candidate;
    private ChangeLog log;
    private Instant now;
    private Verdict expected;

    @Setup(Level.Trial)
    public void setUp() {
        Limits limits = Fixtures.limits();
        policy = new ParamPolicy(limits);
        current = Fixtures.requireValid(startingPoint(), limits);
        candidate = Fixtures.requireValid(raiseEveryField(current), limits);
        now = Fixtures.CURRENT_AT.plus(Duration.ofHours(2));
        log = changeLog(now);
        expected = evaluate();
        if (!expected.accepted() || expected.increasedFields().size() != RAISED_FIELDS) {
            throw new IllegalStateException("benchmark proposal must be an accepted increase of every field: "
                    + expected.violations() + " " + expected.increasedFields());
        }
    }

    /** The shared version in reduce-only mode with SOLUSDT disabled, so the proposal can raise both. */
    private static Params startingPoint() {
        Params p = Fixtures.current();
        TreeMap<String, SymbolParams> symbols = new TreeMap<>(p.symbols());
        symbols.put("SOLUSDT", new SymbolParams(false, 0.5));
        return p.withTradingMode(TradingMode.REDUCE_ONLY).withSymbols(symbols);
    }

    /** Every field moved by no more than one step; every risk field goes up. */
    private static Params raiseEveryField(Params p) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.2));
        symbols.put("ETHUSDT", new SymbolParams(true, 1.0));
        symbols.put("SOLUSDT", new SymbolParams(true, 0.8));
        return new Params(p.version(), p.maxPositionPct() + 0.5, p.stopLossPct() + 0.5, 5.0,
                p.breakoutLookback() + 10, p.maxLeverage() + 0.5, p.dailyLossLimitPct() + 0.5, TradingMode.ACTIVE,
                symbols, p.updatedBy(), p.rationale(), p.updatedAt());
    }

    /**
     * One accepted change every two hours up to the current version two hours ago: 11 of them inside the
     * 24-hour window, every other one an increase (6 in the window, under the cap of 8), the newest an increase
     * long past the cooldown.
     */
    private static ChangeLog changeLog(Instant now) {
        List<ChangeLog.Entry> entries = new ArrayList<>();
        for (int i = 0; i < LOG_ENTRIES; i++) {
            Instant at = now.minus(Duration.ofHours(2L * (LOG_ENTRIES - i)));
            boolean increase = i % 2 == 1;
            entries.add(new ChangeLog.Entry(at, increase, increase ? 2.0 : 1.5));
        }
        return new ChangeLog(1.5, entries);
    }

    @Benchmark
    public Verdict evaluate() {
        return policy.evaluate(current, candidate, AUTHOR, RATIONALE, now, log);
    }

    /** The floor: a field read, returned the same way. */
    @Benchmark
    public Verdict baseline() {
        return expected;
    }
}
