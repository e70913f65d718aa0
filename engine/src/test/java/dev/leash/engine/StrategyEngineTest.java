package dev.leash.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The engine trades the strategy in the params: its entry rule, filters and exits, and labels the regime. */
class StrategyEngineTest {

    /** 2024-01-01T00:00Z, a UTC day start. */
    private static final long DAY = 1_704_067_200_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));
    private static final BlockSpec DONCHIAN_5 = BlockSpec.of(StrategyBlock.DONCHIAN_BREAKOUT,
            Map.of(StrategyField.DONCHIAN_LOOKBACK, 5.0));
    private static final BlockSpec STOP_5 = BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 5.0));

    private final RecordingListener listener = new RecordingListener(false);
    private final RecordingPort port = new RecordingPort();

    private static Params params(StrategySpec strategy) {
        return params(5.0, strategy);
    }

    private static Params params(double stopLossPct, StrategySpec strategy) {
        return new Params(1, 2.0, stopLossPct, null, 5, 2.0, 3.0, TradingMode.ACTIVE,
                new TreeMap<>(Map.of("BTCUSDT", new SymbolParams(true, 1.0))), "test", "test",
                Instant.ofEpochMilli(DAY), strategy);
    }

    private static long at(int bar, int seconds) {
        return DAY + bar * BAR + seconds * 1_000L;
    }

    private Engine engine(Params p) {
        Engine e = new Engine(INSTRUMENTS, LIMITS, p, port, listener, () -> 100_000);
        for (int bar = 0; bar < 5; bar++) {
            e.onBarClose(BTC, at(bar, 0) + BAR, 101, 99, bar % 2 == 0 ? 99 : 101, 10);
        }
        e.onClock(at(5, 0));
        return e;
    }

    private void fill(Engine e, OrderIntent intent) {
        e.onFill(BTC, intent.signedQty(), intent.referencePrice());
        e.onOrderDone(BTC, intent.clientOrderId());
    }

    @Test
    void aBollingerStrategySwappedInBuysBelowTheLowerBandAndReversesAboveTheUpper() {
        Engine e = engine(params(null));
        // closes 99, 101, ... (last ten): mean 100, sd 1, bands [99, 101]
        e.swapParams(params(new StrategySpec(BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                Map.of(StrategyField.BOLLINGER_PERIOD, 10.0, StrategyField.BOLLINGER_WIDTH, 1.0)), List.of(),
                List.of(STOP_5))));
        e.onTick(BTC, 98.5, at(5, 1));
        assertThat(port.intents()).as("10 closes are needed, 5 were seen").isEmpty();

        for (int bar = 5; bar < 10; bar++) {
            e.onBarClose(BTC, at(bar, 0) + BAR, 101, 99, bar % 2 == 0 ? 99 : 101, 10);
        }
        e.onTick(BTC, 100, at(10, 1));
        e.onTick(BTC, 98.5, at(10, 2));
        fill(e, port.last());
        e.onTick(BTC, 101.5, at(11, 1));

        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::referencePrice)
                .containsExactly(tuple(Action.ENTER_LONG, 98.5), tuple(Action.REVERSE_SHORT, 101.5));
        assertThat(listener.decisions()).extracting(Decision::reason).containsExactly(
                "bollinger_reversion bands [99.0, 101.0] at 98.5", "bollinger_reversion bands [99.0, 101.0] at 101.5");
    }

    @Test
    void aFilterRefusesTheEntryAndTheDecisionNamesIt() {
        BlockSpec officeHours = BlockSpec.of(StrategyBlock.TIME_OF_DAY,
                Map.of(StrategyField.START_HOUR, 8.0, StrategyField.END_HOUR, 17.0));
        Engine e = engine(params(new StrategySpec(DONCHIAN_5, List.of(officeHours), List.of(STOP_5))));

        e.onTick(BTC, 102, at(5, 1)); // 00:25 UTC
        e.onTick(BTC, 102.5, at(5, 2));

        assertThat(port.intents()).isEmpty();
        assertThat(listener.decisions()).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Action.SKIP);
            assertThat(d.why().code()).isEqualTo(ReasonCode.FILTERED);
            assertThat(d.reason()).isEqualTo("ENTER_LONG: refused by the strategy's time_of_day filter");
        });
    }

    @Test
    void aTrailingStopClosesFromTheBestPriceSinceEntry() {
        BlockSpec trail = BlockSpec.of(StrategyBlock.TRAILING_STOP, Map.of(StrategyField.TRAILING_PCT, 1.0));
        Engine e = engine(params(new StrategySpec(DONCHIAN_5, List.of(), List.of(STOP_5, trail))));

        e.onTick(BTC, 102, at(5, 1));
        fill(e, port.last());
        e.onTick(BTC, 105, at(5, 2));
        e.onTick(BTC, 104, at(5, 3)); // 0.95 % below the best
        e.onTick(BTC, 103.9, at(5, 4)); // 1.05 % below the best

        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::referencePrice)
                .containsExactly(tuple(Action.ENTER_LONG, 102.0), tuple(Action.STOP_LOSS, 103.9));
        assertThat(listener.decisions().get(1).reason())
                .isEqualTo("price 103.9 hit the trailing stop 1.0% from the best price 105.0");
    }

    @Test
    void aTimeStopClosesAfterItsBars() {
        BlockSpec time = BlockSpec.of(StrategyBlock.TIME_STOP, Map.of(StrategyField.TIME_STOP_BARS, 2.0));
        Engine e = engine(params(new StrategySpec(DONCHIAN_5, List.of(), List.of(STOP_5, time))));

        e.onTick(BTC, 102, at(5, 1));
        fill(e, port.last());
        e.onTick(BTC, 101.5, at(5, 2));
        e.onBarClose(BTC, at(6, 0), 102, 99, 101, 10);
        e.onTick(BTC, 101.5, at(6, 1));
        e.onBarClose(BTC, at(7, 0), 102, 99, 101, 10);
        e.onTick(BTC, 101.5, at(7, 1));

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG, Action.EXIT);
        assertThat(listener.decisions().get(1).reason()).isEqualTo("time stop after 2 bars at 101.5");
    }

    @Test
    void theStopIsTheTighterOfTheStrategysAndStopLossPct() {
        BlockSpec wide = BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 3.0));
        Engine e = engine(params(1.0, new StrategySpec(DONCHIAN_5, List.of(), List.of(wide))));

        e.onTick(BTC, 102, at(5, 1));
        fill(e, port.last());
        e.onTick(BTC, 101.1, at(5, 2)); // 0.88 % below entry
        e.onTick(BTC, 100.9, at(5, 3)); // 1.08 % below entry: stop_loss_pct's 1 %, not the strategy's 3 %

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG,
                Action.STOP_LOSS);
    }

    @Test
    void theRegimeLabelIsInTheSignalsAndTheDecisionText() {
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(null), port, listener, () -> 100_000);
        double close = 100;
        for (int bar = 0; bar < 30; bar++) { // a steady climb: efficiency 1, volatility ~0
            close *= 1.0001;
            e.onBarClose(BTC, at(bar, 0) + BAR, close, close, close, 10);
        }
        assertThat(e.signals(BTC).regime()).isEqualTo(Regime.TREND);

        for (int bar = 30; bar < 60; bar++) { // swings of 2 %: far above 100 % annualized
            e.onBarClose(BTC, at(bar, 0) + BAR, 110, 90, bar % 2 == 0 ? 98 : 102, 10);
        }
        assertThat(e.signals(BTC).regime()).isEqualTo(Regime.HIGH_VOLATILITY);

        for (int bar = 60; bar < 90; bar++) { // swings of 0.02 %: range-bound, calm
            e.onBarClose(BTC, at(bar, 0) + BAR, 100.02, 99.98, bar % 2 == 0 ? 99.99 : 100.01, 10);
        }
        assertThat(e.signals(BTC).regime()).isEqualTo(Regime.RANGE);
        e.onClock(at(90, 0));
        e.onTick(BTC, 101, at(90, 1)); // above the 5-bar channel
        assertThat(listener.decisions()).singleElement().satisfies(d ->
                assertThat(d.reason()).endsWith(" [regime range]"));
    }

    @Test
    void theExplicitDefaultStrategyTradesExactlyLikeNoStrategy() {
        Params none = new Params(1, 2.0, 1.0, 1.5, 8, 2.0, 3.0, TradingMode.ACTIVE,
                new TreeMap<>(Map.of("BTCUSDT", new SymbolParams(true, 1.0))), "test", "test",
                Instant.ofEpochMilli(DAY));
        List<String> withNone = run(none);
        List<String> withDefault = run(none.withStrategy(StrategySpec.defaultFor(none)));

        assertThat(withNone).hasSizeGreaterThan(20);
        assertThat(withDefault).isEqualTo(withNone);
    }

    /** A seeded random walk, every order filled at its level at once: the orders and decisions in order. */
    private static List<String> run(Params p) {
        RecordingPort port = new RecordingPort();
        RecordingListener listener = new RecordingListener(true);
        Engine e = new Engine(INSTRUMENTS, LIMITS, p, port, listener, () -> 100_000);
        Random random = new Random(7);
        double price = 100;
        int seen = 0;
        for (int bar = 0; bar < 600; bar++) {
            double high = price;
            double low = price;
            e.onClock(at(bar, 0));
            for (int t = 0; t < 10; t++) {
                price *= 1 + random.nextGaussian() * 0.002;
                high = Math.max(high, price);
                low = Math.min(low, price);
                e.onTick(BTC, price, at(bar, t * 30));
                while (seen < port.intents().size()) {
                    OrderIntent o = port.intents().get(seen++);
                    e.onFill(BTC, o.signedQty(), o.referencePrice());
                    e.onOrderDone(BTC, o.clientOrderId());
                }
            }
            e.onBarClose(BTC, at(bar, 0) + BAR, high, low, price, 10 + bar % 7);
        }
        List<String> out = new ArrayList<>();
        port.intents().forEach(o -> out.add(o.toString()));
        listener.decisions().forEach(d -> out.add(d.toString()));
        return out;
    }
}
