package dev.leash.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Bars and ticks through every kind of strategy block allocate nothing once warm, as the default strategy. */
class StrategyAllocationTest {

    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.001, 0.001, 5.0));
    private static final long DAY = 1_704_067_200_000L;

    /** A port that fills every order at once through the engine, from primitives. */
    private static final class FillingPort implements OrderPort {
        Engine engine;
        int orders;

        @Override
        public void send(OrderIntent intent) {
            throw new AssertionError("the engine sends primitives");
        }

        @Override
        public void send(long time, String symbol, long bar, int seq, double signedQty, double referencePrice,
                         boolean reduceOnly, Action action, long paramsVersion) {
            orders++;
            engine.onFill(0, signedQty, referencePrice);
            engine.onOrderDone(0, bar, seq);
        }
    }

    @Test
    void everyEntryFilterAndExitRunsWithoutAllocating() {
        for (StrategySpec spec : List.of(StrategySpec.defaultFor(params(null)),
                strategy(BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                        Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 1.0))),
                strategy(BlockSpec.of(StrategyBlock.MACD_TREND, Map.of(StrategyField.MACD_FAST, 12.0,
                        StrategyField.MACD_SLOW, 26.0, StrategyField.MACD_SIGNAL, 9.0))),
                strategy(BlockSpec.of(StrategyBlock.DONCHIAN_BREAKOUT, Map.of(StrategyField.DONCHIAN_LOOKBACK, 20.0))))) {
            FillingPort port = new FillingPort();
            Engine engine = new Engine(INSTRUMENTS, Limits.hard(Set.of("BTCUSDT")), params(spec), port,
                    EngineListener.NONE, () -> 100_000);
            port.engine = engine;
            run(engine, 0, 2_880); // warm up over ten UTC days: the JIT settles
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().getId();
            int ordersBefore = port.orders;
            long before = threads.getThreadAllocatedBytes(id);
            run(engine, 2_880, 3_160); // within the eleventh day: a day's roll-over is not the strategy's
            long allocated = threads.getThreadAllocatedBytes(id) - before;

            assertThat(port.orders - ordersBefore).as("orders of %s", spec.entry().block()).isPositive();
            assertThat(allocated).as("bytes allocated with %s", spec.entry().block()).isLessThan(1_024);
        }
    }

    private static StrategySpec strategy(BlockSpec entry) {
        return new StrategySpec(entry, List.of(
                BlockSpec.of(StrategyBlock.RSI_BAND, Map.of(StrategyField.RSI_LOW, 5.0, StrategyField.RSI_HIGH, 95.0)),
                BlockSpec.of(StrategyBlock.TIME_OF_DAY, Map.of(StrategyField.START_HOUR, 0.0,
                        StrategyField.END_HOUR, 22.0)),
                new BlockSpec(StrategyBlock.REGIME, Map.of(), Set.of(Regime.RANGE, Regime.TREND,
                        Regime.HIGH_VOLATILITY))),
                List.of(BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.0)),
                        BlockSpec.of(StrategyBlock.TRAILING_STOP, Map.of(StrategyField.TRAILING_PCT, 0.5)),
                        BlockSpec.of(StrategyBlock.TIME_STOP, Map.of(StrategyField.TIME_STOP_BARS, 12.0))));
    }

    private static Params params(StrategySpec spec) {
        return new Params(1, 2.0, 1.0, null, 20, 3.0, 5.0, TradingMode.ACTIVE,
                new TreeMap<>(Map.of("BTCUSDT", new SymbolParams(true, 1.0))), "test", "test",
                Instant.ofEpochMilli(DAY), spec);
    }

    /** A deterministic wave with noise: bars from {@code from} to {@code to}, four ticks each. */
    private static void run(Engine engine, int from, int to) {
        long seed = 42 + from;
        for (int bar = from; bar < to; bar++) {
            long t = DAY + bar * SymbolSpec.BAR_MILLIS;
            engine.onClock(t);
            double high = 0;
            double low = Double.MAX_VALUE;
            double price = 0;
            for (int k = 0; k < 4; k++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                double noise = ((seed >>> 11) * 0x1.0p-53 - 0.5) * 0.004;
                price = 100 * (1 + 0.02 * Math.sin(bar / 15.0) + noise);
                high = Math.max(high, price);
                low = Math.min(low, price);
                engine.onTick(0, price, t + k * 60_000L);
            }
            engine.onBarClose(0, t + SymbolSpec.BAR_MILLIS, high, low, price, 10 + bar % 5);
        }
    }
}
