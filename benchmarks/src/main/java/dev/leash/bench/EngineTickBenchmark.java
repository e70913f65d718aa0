package dev.leash.bench;

import dev.leash.engine.Action;
import dev.leash.engine.Engine;
import dev.leash.engine.SymbolSpec;
import dev.leash.engine.EngineListener;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderPort;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Tick to order decision through the real engine, no I/O: a tick that breaks the channel runs the strategy, sizes
 * the position from equity, passes the pre-trade risk check and hands the order to the port. {@code tickInside}
 * is the common tick that changes nothing; {@code baseline} reads the same fields without the engine.
 *
 * <p>Each {@code tickToOrder} call is a new 5-minute bar, so the one-entry-per-bar rule and the order-rate limit
 * never stop the order; the port releases it at once without a fill, so the next call enters again.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EngineTickBenchmark {

    private static final long DAY = 1_767_225_600_000L;

    private Engine engine;
    private CountingPort port;
    private long now;
    private double price = 100.0;
    private long toOrderCalls;

    /** Counts orders and releases each at once, all in primitives. */
    static final class CountingPort implements OrderPort {
        Engine engine;
        long orders;

        @Override
        public void send(OrderIntent intent) {
            throw new IllegalStateException("the engine should use the primitive call");
        }

        @Override
        public void send(long time, String symbol, long bar, int seq, double signedQty, double referencePrice,
                         boolean reduceOnly, Action action, long paramsVersion) {
            orders++;
            engine.onOrderDone(0, bar, seq);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        Params params = new Params(1, 2.0, 1.5, null, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "bench", "bench",
                Instant.EPOCH);
        port = new CountingPort();
        engine = new Engine(List.of(new SymbolSpec("BTCUSDT", 0.001, 0.001, 5.0)),
                Limits.hard(Set.of("BTCUSDT")), params, port, EngineListener.NONE, () -> 100_000.0);
        port.engine = engine;
        for (int k = 0; k < 40; k++) {
            engine.onBarClose(0, DAY + (k + 1) * SymbolSpec.BAR_MILLIS, 101, 99, 100, 10);
        }
        now = DAY + 40 * SymbolSpec.BAR_MILLIS;
        engine.onClock(now);
    }

    @TearDown(Level.Iteration)
    public void check() {
        if (port.orders != toOrderCalls) {
            throw new IllegalStateException(toOrderCalls + " breakout ticks produced " + port.orders
                    + " orders: each must produce exactly one, or the benchmark measures something else");
        }
    }

    @Benchmark
    public long tickToOrder() {
        now += SymbolSpec.BAR_MILLIS;
        toOrderCalls++;
        engine.onTick(0, 102.0, now);
        return port.orders;
    }

    @Benchmark
    public double tickInside() {
        now += 1_000;
        price = price == 100.0 ? 100.5 : 100.0;
        engine.onTick(0, price, now);
        return engine.position(0);
    }

    @Benchmark
    public long baseline() {
        now += SymbolSpec.BAR_MILLIS;
        return now + port.orders;
    }
}
