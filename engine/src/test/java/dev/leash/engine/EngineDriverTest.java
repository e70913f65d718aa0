package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one step sequence, driven on a manual clock through a scripted feed and order route: the order of the
 * steps, the steps {@code doWork} runs, and what each order outcome does to the engine's position and pending order.
 */
class EngineDriverTest {

    /** 2024-01-01T00:00Z plus five warm-up bars: the first traded bar. */
    private static final long T0 = 1_704_067_200_000L + 5 * SymbolSpec.BAR_MILLIS;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final List<SymbolSpec> SPECS = List.of(
            new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0),
            new SymbolSpec("ETHUSDT", 0.5, 0.5, 5.0));

    private final List<String> trace = new ArrayList<>();
    private final ScriptedFeed feed = new ScriptedFeed();
    private final ScriptedRoute route = new ScriptedRoute();
    private long clock = T0;
    private Engine engine;
    private EngineDriver driver;

    @BeforeEach
    void warmUp() {
        OrderQueue orders = new OrderQueue();
        engine = new Engine(SPECS, Limits.hard(Set.of("BTCUSDT", "ETHUSDT")), params(), orders, EngineListener.NONE,
                () -> 100_000);
        for (int bar = 0; bar < 5; bar++) {
            for (int sym = 0; sym < SPECS.size(); sym++) {
                engine.onBarClose(sym, T0 - (4 - bar) * BAR, 101, 99, 100, 10); // channel [99, 101]
            }
        }
        driver = new EngineDriver(engine, orders, feed, route, new TracingHooks(), () -> clock, 2);
    }

    @Test
    void runsTheMarketTheClockTheBarsThenEachSymbolsTickAndItsOrder() {
        feed.price[BTC] = 102; // a break above the channel: one order
        feed.price[ETH] = 100;
        feed.barsToClose = 1;
        route.outcomes.add(OrderOutcome.DONE);

        assertThat(driver.doWork()).isEqualTo(1);

        assertThat(trace).containsExactly(
                "advance " + T0, "beforeClock", "afterClock",
                "bar BTCUSDT", "bar ETHUSDT",
                "tick BTCUSDT", "beforeTick BTCUSDT fresh", "place lsh-BTCUSDT-" + T0 / BAR + "-1",
                "tick ETHUSDT", "beforeTick ETHUSDT fresh",
                "afterStep " + T0);
    }

    @Test
    void runsOnlyTheStepsDueAtTheClockAndAtMostItsLimitPerCall() {
        clock = T0 + 2_500;

        assertThat(driver.doWork()).isEqualTo(2);
        assertThat(driver.doWork()).isEqualTo(1);
        assertThat(driver.doWork()).isZero();
        clock = T0 + 3_000;
        assertThat(driver.doWork()).isEqualTo(1);

        assertThat(trace).filteredOn(s -> s.startsWith("afterStep")).containsExactly(
                "afterStep " + T0, "afterStep " + (T0 + 1_000), "afterStep " + (T0 + 2_000),
                "afterStep " + (T0 + 3_000));
    }

    @Test
    void fillsThePlacementReturnedMoveThePositionAndEndThePendingOrder() {
        feed.price[BTC] = 102;
        route.outcomes.add(OrderOutcome.DONE);
        route.fillQty = 19.5; // 2 % of 100,000 at 102, in lots of 0.5

        driver.doWork();

        assertThat(engine.position(BTC)).isEqualTo(19.5);
        assertThat(engine.entryPrice(BTC)).isEqualTo(102.0);
        assertThat(engine.pendingOrder(BTC)).isNull();
    }

    @Test
    void aFailedOrderEndsThePendingOrderSoTheNextBarMayTryAgain() {
        feed.price[BTC] = 102;
        route.outcomes.add(OrderOutcome.FAILED);
        route.outcomes.add(OrderOutcome.DONE);
        driver.doWork();
        assertThat(engine.pendingOrder(BTC)).isNull();

        clock = feed.next = T0 + BAR;
        driver.doWork();

        assertThat(route.placed).hasSize(2);
    }

    @Test
    void anOrderOfUnknownOutcomeStaysPendingSoNothingIsSentAgainBlindly() {
        feed.price[BTC] = 102;
        route.outcomes.add(OrderOutcome.UNKNOWN);
        driver.doWork();
        String first = route.placed.get(0);

        clock = feed.next = T0 + BAR;
        driver.doWork();

        assertThat(route.placed).containsExactly(first);
        assertThat(engine.pendingOrder(BTC)).isEqualTo(first);
        assertThat(engine.position(BTC)).isZero();
    }

    @Test
    void anOpenOrderWaitsForItsFillsFromTheFeed() {
        feed.price[BTC] = 102;
        route.outcomes.add(OrderOutcome.OPEN);
        driver.doWork();
        String id = route.placed.get(0);
        assertThat(engine.pendingOrder(BTC)).isEqualTo(id);

        clock = feed.next;
        feed.restingFill = id;
        driver.doWork();

        assertThat(engine.position(BTC)).isEqualTo(19.5);
        assertThat(engine.pendingOrder(BTC)).isNull();
    }

    @Test
    void aTickTheFeedCouldNotReadReachesOnlyTheHooks() {
        feed.price[BTC] = 102;
        feed.unreadable = BTC;

        driver.doWork();

        assertThat(trace).contains("beforeTick BTCUSDT stale");
        assertThat(route.placed).isEmpty();
        assertThat(engine.lastPrice(BTC)).isEqualTo(100.0);
    }

    @Test
    void refusesAWorkLimitBelowOneStep() {
        assertThatThrownBy(() -> new EngineDriver(engine, new OrderQueue(), feed, route, StepHooks.NONE,
                () -> clock, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max steps per work must be positive: 0");
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        symbols.put("ETHUSDT", new SymbolParams(true, 1.0));
        return new Params(1, 2.0, 5.0, null, 5, 3.0, 3.0, TradingMode.ACTIVE, symbols, "test", "", Instant.EPOCH);
    }

    /** Steps every second from {@link #T0}; prices as the test sets them; bars and resting fills on request. */
    private final class ScriptedFeed implements MarketFeed {
        final double[] price = {100, 100};
        long next = T0;
        int barsToClose;
        int unreadable = -1;
        String restingFill;

        @Override
        public long nextStep(long now) {
            if (next > now) {
                return NO_STEP;
            }
            long t = next;
            next += 1_000;
            return t;
        }

        @Override
        public void advanceTo(long t, FillSink fills) {
            trace.add("advance " + t);
            if (restingFill != null) {
                fills.filled(BTC, 19.5, 102);
                fills.orderDone(BTC, restingFill);
                restingFill = null;
            }
        }

        @Override
        public void closeBars(int sym, long t, BarSink bars) {
            if (barsToClose > 0) {
                trace.add("bar " + SPECS.get(sym).symbol());
                bars.barClosed(sym, t, 101, 99, 100, 10);
                if (sym == SPECS.size() - 1) {
                    barsToClose--;
                }
            }
        }

        @Override
        public boolean tick(int sym, long t, Tick tick) {
            if (sym == unreadable) {
                return false;
            }
            trace.add("tick " + SPECS.get(sym).symbol());
            tick.set(price[sym], Double.NaN);
            return true;
        }
    }

    /** Answers each placement with the next scripted outcome, filling {@code fillQty} when set. */
    private final class ScriptedRoute implements OrderRoute {
        final ArrayDeque<OrderOutcome> outcomes = new ArrayDeque<>();
        final List<String> placed = new ArrayList<>();
        double fillQty;

        @Override
        public OrderOutcome place(OrderIntent intent, long t, FillSink fills) {
            trace.add("place " + intent.clientOrderId());
            placed.add(intent.clientOrderId());
            if (fillQty > 0) {
                fills.filled(engine.indexOf(intent.symbol()), fillQty, intent.referencePrice());
            }
            return outcomes.remove();
        }
    }

    private final class TracingHooks implements StepHooks {
        @Override
        public void beforeClock(long t) {
            trace.add("beforeClock");
        }

        @Override
        public void afterClock(long t) {
            trace.add("afterClock");
        }

        @Override
        public void beforeTick(int sym, long t, boolean fresh, Tick tick) {
            trace.add("beforeTick " + SPECS.get(sym).symbol() + (fresh ? " fresh" : " stale"));
        }

        @Override
        public void afterStep(long t) {
            trace.add("afterStep " + t);
        }
    }
}
