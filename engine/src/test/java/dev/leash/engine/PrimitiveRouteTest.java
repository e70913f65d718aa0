package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A route that takes orders as primitives gets the engine's order without an intent, and its outcome ends it. */
class PrimitiveRouteTest {

    private static final long T0 = 1_704_067_200_000L + 5 * SymbolSpec.BAR_MILLIS;
    private static final List<SymbolSpec> SPECS = List.of(new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0));

    /** Takes primitives only; refuses every order. */
    private static final class PrimitiveRoute implements OrderRoute {
        final List<String> placed = new ArrayList<>();

        @Override
        public OrderOutcome place(OrderIntent intent, long t, FillSink fills) {
            throw new AssertionError("the queue hands the engine's orders over as primitives");
        }

        @Override
        public OrderOutcome place(long time, String symbol, long bar, int seq, double signedQty,
                                  double referencePrice, boolean reduceOnly, Action action, long paramsVersion,
                                  long t, FillSink fills) {
            placed.add(symbol + " " + bar + "/" + seq + " " + signedQty + " @" + referencePrice + " " + action);
            return OrderOutcome.REJECTED;
        }
    }

    @Test
    void aRefusedPrimitiveOrderEndsThePendingOrderWithoutAnIntentOrAnIdString() {
        OrderQueue orders = new OrderQueue();
        Engine engine = new Engine(SPECS, Limits.hard(Set.of("BTCUSDT")), params(), orders, EngineListener.NONE,
                () -> 100_000);
        for (int bar = 0; bar < 5; bar++) {
            engine.onBarClose(0, T0 - (4 - bar) * SymbolSpec.BAR_MILLIS, 101, 99, 100, 10); // channel [99, 101]
        }
        PrimitiveRoute route = new PrimitiveRoute();
        MarketFeed feed = new MarketFeed() {
            private boolean done;

            @Override
            public long nextStep(long now) {
                if (done) {
                    return NO_STEP;
                }
                done = true;
                return T0;
            }

            @Override
            public void advanceTo(long t, FillSink fills) {
            }

            @Override
            public void closeBars(int sym, long t, BarSink bars) {
            }

            @Override
            public boolean tick(int sym, long t, Tick tick) {
                tick.set(102, Double.NaN); // above the channel: a breakout buy
                return true;
            }
        };
        EngineDriver driver = new EngineDriver(engine, orders, feed, route, StepHooks.NONE, () -> T0, 1);

        driver.doWork();

        assertThat(route.placed).containsExactly("BTCUSDT " + T0 / SymbolSpec.BAR_MILLIS + "/1 19.5 @102.0 "
                + Action.ENTER_LONG);
        assertThat(engine.pendingOrder(0)).as("ended by the refusal").isNull();
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        return new Params(1, 2.0, 5.0, null, 5, 3.0, 3.0, TradingMode.ACTIVE, symbols, "test", "", Instant.EPOCH);
    }
}
