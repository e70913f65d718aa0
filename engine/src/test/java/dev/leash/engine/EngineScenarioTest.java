package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.OrderReject;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The engine driven with explicit time: bars build a known channel ([99, 101] over 5 bars), ticks break it, and
 * the test plays the venue by delivering fills itself.
 *
 * <p>Lot steps and prices are binary-exact (0.5) so that whole intents compare with {@code equals}.
 */
class EngineScenarioTest {

    /** 2024-01-01T00:00Z, a UTC day start. */
    private static final long DAY = 1_704_067_200_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(
            new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0),
            new SymbolSpec("ETHUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT", "ETHUSDT"));

    private final RecordingListener listener = new RecordingListener(false);
    private final RecordingPort port = new RecordingPort();
    private double equity = 100_000;
    private Engine engine;

    @BeforeEach
    void warmUp() {
        engine = engineWith(params(1).build());
    }

    private Engine engineWith(Params p) {
        Engine e = new Engine(INSTRUMENTS, LIMITS, p, port, listener, () -> equity);
        for (int bar = 0; bar < 5; bar++) {
            for (int sym = 0; sym < INSTRUMENTS.size(); sym++) {
                closeBar(e, sym, bar, 101, 99);
            }
        }
        e.onClock(at(5, 0));
        return e;
    }

    // ---- entries and sizing ----

    @Test
    void entersLongOnBreakAboveChannel() {
        engine.onTick(BTC, 100.5, at(5, 1));
        engine.onTick(BTC, 101.0, at(5, 2));
        engine.onTick(BTC, 102.0, at(5, 3));

        // 2 % of 100,000 = 2,000 USDT; 2,000 / 102 = 19.6 -> 19.5 in lots of 0.5
        assertThat(port.intents()).containsExactly(
                new OrderIntent(at(5, 3), "lsh-BTCUSDT-" + barIndex(5) + "-1", "BTCUSDT", 19.5, 102.0, false,
                        Action.ENTER_LONG, 1));
        assertThat(listener.events()).singleElement().isInstanceOfSatisfying(Decision.class, d -> {
            assertThat(d.action()).isEqualTo(Action.ENTER_LONG);
            assertThat(d.time()).isEqualTo(at(5, 3));
            assertThat(d.reason()).isEqualTo("break of the 5-bar channel [99.0, 101.0] at 102.0");
            assertThat(d.signals().channelHigh()).isEqualTo(101.0);
            assertThat(d.signals().price()).isEqualTo(102.0);
            assertThat(d.paramsVersion()).isEqualTo(1);
        });
    }

    @Test
    void entersShortOnBreakBelowChannel() {
        engine.onTick(ETH, 99.0, at(5, 1));
        engine.onTick(ETH, 98.0, at(5, 2));

        // 2,000 / 98 = 20.4 -> 20.0
        assertThat(port.intents()).containsExactly(
                new OrderIntent(at(5, 2), "lsh-ETHUSDT-" + barIndex(5) + "-1", "ETHUSDT", -20.0, 98.0, false,
                        Action.ENTER_SHORT, 1));
        assertThat(listener.decisions()).extracting(Decision::symbol, Decision::action)
                .containsExactly(tuple("ETHUSDT", Action.ENTER_SHORT));
    }

    @Test
    void sizesFromEquityTimesMaxPositionPctTimesSizeMultiplier() {
        equity = 50_000;
        engine = engineWith(params(2).maxPositionPct(3.0).symbol("BTCUSDT", true, 0.5).build());

        engine.onTick(BTC, 102.0, at(5, 1));

        // 3 % of 50,000 x 0.5 = 750 USDT; 750 / 102 = 7.35 -> 7.0
        assertThat(port.intents()).extracting(OrderIntent::signedQty).containsExactly(7.0);
    }

    @Test
    void numbersClientOrderIdsBySymbolBarAndSequenceWithinTheBar() {
        engine.swapParams(params(2).stopLossPct(1.0).build());
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 100.5, at(5, 2)); // 1.5 % below entry: stop-loss, second order of the bar
        fill(port.last());
        engine.onTick(BTC, 102.0, at(6, 0));

        assertThat(port.intents()).extracting(OrderIntent::clientOrderId, OrderIntent::action)
                .containsExactly(
                        tuple("lsh-BTCUSDT-" + barIndex(5) + "-1", Action.ENTER_LONG),
                        tuple("lsh-BTCUSDT-" + barIndex(5) + "-2", Action.STOP_LOSS),
                        tuple("lsh-BTCUSDT-" + barIndex(6) + "-1", Action.ENTER_LONG));
    }

    @Test
    void makesAtMostOneEntryAttemptPerBar() {
        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onOrderDone(BTC, port.last().clientOrderId()); // the venue rejected it: still flat
        engine.onTick(BTC, 102.5, at(5, 2));
        engine.onTick(BTC, 103.0, at(5, 3));
        engine.onTick(BTC, 102.0, at(6, 0));

        assertThat(port.intents()).extracting(OrderIntent::time, OrderIntent::action)
                .containsExactly(tuple(at(5, 1), Action.ENTER_LONG), tuple(at(6, 0), Action.ENTER_LONG));
    }

    @Test
    void doesNotReenterInTheBarOfAnExit() {
        engine.swapParams(params(2).stopLossPct(2.0).build());
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 99.5, at(6, 0)); // 2.45 % adverse: stop
        fill(port.last());
        engine.onTick(BTC, 102.0, at(6, 1)); // a break in the bar of the exit
        engine.onTick(BTC, 102.0, at(7, 0));

        assertThat(port.intents()).extracting(OrderIntent::time, OrderIntent::action, OrderIntent::signedQty)
                .containsExactly(
                        tuple(at(5, 1), Action.ENTER_LONG, 19.5),
                        tuple(at(6, 0), Action.STOP_LOSS, -19.5),
                        tuple(at(7, 0), Action.ENTER_LONG, 19.5));
    }

    // ---- reversals and exits ----

    @Test
    void reversesWithOneOrderOnTheOppositeBreak() {
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 98.5, at(6, 0)); // below 99: close 19.5 and open 2,000 / 98.5 -> 20.0 short
        fill(port.last());
        engine.onTick(BTC, 102.0, at(7, 0)); // above 101: close 20.0 and open 19.5 long
        fill(port.last());

        assertThat(port.intents())
                .extracting(OrderIntent::action, OrderIntent::signedQty, OrderIntent::reduceOnly)
                .containsExactly(
                        tuple(Action.ENTER_LONG, 19.5, false),
                        tuple(Action.REVERSE_SHORT, -39.5, false),
                        tuple(Action.REVERSE_LONG, 39.5, false));
        assertThat(engine.position(BTC)).isEqualTo(19.5);
        assertThat(engine.entryPrice(BTC)).isEqualTo(102.0);
        assertThat(listener.rejections()).isEmpty();
    }

    @Test
    void stopsOutAtStopLossPctFromEntry() {
        engine.swapParams(params(2).stopLossPct(2.0).build());
        engine.onTick(ETH, 98.0, at(5, 1));
        fill(port.last());
        engine.onTick(ETH, 99.5, at(6, 0)); // 1.5 % adverse: inside the stop
        engine.onTick(ETH, 100.0, at(6, 1)); // 2.04 % adverse: stop
        fill(port.last());

        assertThat(port.intents())
                .extracting(OrderIntent::action, OrderIntent::signedQty, OrderIntent::reduceOnly)
                .containsExactly(tuple(Action.ENTER_SHORT, -20.0, false), tuple(Action.STOP_LOSS, 20.0, true));
        assertThat(listener.decisions()).last().satisfies(d ->
                assertThat(d.reason()).isEqualTo("price 100.0 hit the stop 2.0% from entry 98.0"));
        assertThat(engine.position(ETH)).isZero();
    }

    @Test
    void takesProfitWhenSet() {
        engine.swapParams(params(2).takeProfitPct(3.0).build());
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 104.5, at(6, 0)); // +2.45 %
        engine.onTick(BTC, 105.0, at(6, 0) + 500); // +2.94 %; the trades lead the price band's median up
        engine.onTick(BTC, 105.5, at(6, 1)); // +3.43 %

        assertThat(port.intents())
                .extracting(OrderIntent::action, OrderIntent::signedQty, OrderIntent::reduceOnly)
                .containsExactly(tuple(Action.ENTER_LONG, 19.5, false), tuple(Action.TAKE_PROFIT, -19.5, true));
    }

    @Test
    void sendsATakeProfitAtItsLevelNotAtTheHigherPriceThatCrossedIt() {
        engine.swapParams(params(2).takeProfitPct(3.0).build());
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 104.5, at(6, 0));
        engine.onTick(BTC, 105.0, at(6, 0) + 500);
        engine.onTick(BTC, 105.5, at(6, 1)); // crosses the take-profit 102 x 1.03 = 105.06

        // the simulated exchange never fills an order better than its reference price
        assertThat(port.last().action()).isEqualTo(Action.TAKE_PROFIT);
        assertThat(port.last().referencePrice()).isCloseTo(105.06, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(listener.decisions()).last().satisfies(d -> assertThat(d.signals().price()).isEqualTo(105.5));
    }

    @Test
    void sendsAFlattenAtTheLastTradeWhileCheckingItAtThePriceBandsReference() {
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 102.5, at(5, 2));
        engine.onTick(BTC, 103.0, at(5, 3)); // the band's reference, a median of recent trades, is lower
        port.clear();

        equity = 97_000; // the daily loss limit
        engine.onClock(at(5, 4));

        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::referencePrice)
                .containsExactly(tuple(Action.FLATTEN, 103.0));
    }

    @Test
    void neverTakesProfitWhenTakeProfitIsOff() {
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(BTC, 150.0, at(6, 0));

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
    }

    // ---- skips ----

    @Test
    void skipsBelowMinimumSize() {
        equity = 1_000; // 2 % = 20 USDT = 0.196 at 102: below the 0.5 minimum

        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onTick(BTC, 102.5, at(5, 2));

        assertThat(port.intents()).isEmpty();
        assertThat(listener.events()).singleElement().isInstanceOfSatisfying(Decision.class, d -> {
            assertThat(d.action()).isEqualTo(Action.SKIP);
            assertThat(d.reason()).startsWith("ENTER_LONG: size 0.0 below the minimum (qty 0.5, notional 5.0)");
        });
    }

    @Test
    void reduceOnlyTradingModeSkipsEntriesButAllowsExits() {
        engine.setPosition(BTC, 19.5, 102.0);
        engine.swapParams(params(2).tradingMode(TradingMode.REDUCE_ONLY).build());

        engine.onTick(ETH, 102.0, at(5, 1));
        engine.onTick(ETH, 102.5, at(5, 2));
        engine.onTick(BTC, 98.5, at(5, 3)); // opposite break: exit, no reversal

        assertThat(port.intents())
                .extracting(OrderIntent::symbol, OrderIntent::action, OrderIntent::signedQty, OrderIntent::reduceOnly)
                .containsExactly(tuple("BTCUSDT", Action.EXIT, -19.5, true));
        assertThat(listener.decisions()).extracting(Decision::symbol, Decision::action, Decision::reason)
                .containsExactly(
                        tuple("ETHUSDT", Action.SKIP, "ENTER_LONG: trading_mode reduce_only"),
                        tuple("BTCUSDT", Action.EXIT, "opposite break at 98.5; no reversal: trading_mode reduce_only"));
    }

    @Test
    void pausedTradingModeSkipsEntriesButStillStopsOut() {
        engine.setPosition(BTC, 19.5, 102.0);
        engine.swapParams(params(2).tradingMode(TradingMode.PAUSED).stopLossPct(2.0).build());

        engine.onTick(ETH, 98.0, at(5, 1));
        engine.onTick(BTC, 99.5, at(5, 2));

        assertThat(port.intents()).extracting(OrderIntent::symbol, OrderIntent::action, OrderIntent::signedQty)
                .containsExactly(tuple("BTCUSDT", Action.STOP_LOSS, -19.5));
        assertThat(listener.decisions()).extracting(Decision::action, Decision::reason).first()
                .isEqualTo(tuple(Action.SKIP, "ENTER_SHORT: trading_mode paused"));
    }

    @Test
    void skipsDisabledSymbol() {
        engine.swapParams(params(2).symbol("ETHUSDT", false, 1.0).build());

        engine.onTick(ETH, 102.0, at(5, 1));
        engine.onTick(BTC, 102.0, at(5, 2));

        assertThat(port.intents()).extracting(OrderIntent::symbol).containsExactly("BTCUSDT");
        assertThat(listener.decisions()).extracting(Decision::symbol, Decision::action, Decision::reason)
                .containsExactly(
                        tuple("ETHUSDT", Action.SKIP, "ENTER_LONG: ETHUSDT is not enabled"),
                        tuple("BTCUSDT", Action.ENTER_LONG, "break of the 5-bar channel [99.0, 101.0] at 102.0"));
    }

    // ---- trading state ----

    @Test
    void degradedVenueBlocksNewExposureButAllowsExits() {
        engine.setPosition(BTC, 19.5, 102.0);
        engine.setVenueDegraded(true, "circuit breaker open");

        engine.onTick(ETH, 102.0, at(5, 1));
        engine.onTick(BTC, 98.5, at(5, 2));
        fill(port.last());
        engine.setVenueDegraded(false, "venue healthy again");
        engine.onTick(ETH, 102.0, at(6, 0));

        assertThat(listener.events()).extracting(EngineScenarioTest::describe).containsExactly(
                "state ACTIVE -> REDUCE_ONLY: circuit breaker open",
                "ETHUSDT SKIP: ENTER_LONG: trading state REDUCE_ONLY",
                "BTCUSDT EXIT: opposite break at 98.5; no reversal: trading state REDUCE_ONLY",
                "state REDUCE_ONLY -> ACTIVE: venue healthy again",
                "ETHUSDT ENTER_LONG: break of the 5-bar channel [99.0, 101.0] at 102.0");
        assertThat(port.intents()).extracting(OrderIntent::symbol, OrderIntent::action, OrderIntent::signedQty)
                .containsExactly(tuple("BTCUSDT", Action.EXIT, -19.5), tuple("ETHUSDT", Action.ENTER_LONG, 19.5));
        assertThat(engine.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void stalledMiddleLoopBlocksNewExposureUntilPassesResumeAndDoesNotLiftAVenueDegradation() {
        engine.setMiddleLoopStalled(true, "middle loop stalled");
        engine.onTick(ETH, 102.0, at(5, 1));
        engine.setVenueDegraded(true, "circuit breaker open");
        engine.setMiddleLoopStalled(false, "middle loop passes resumed");
        engine.setVenueDegraded(false, "venue healthy again");
        engine.onTick(ETH, 102.0, at(6, 0));

        assertThat(listener.events()).extracting(EngineScenarioTest::describe).containsExactly(
                "state ACTIVE -> REDUCE_ONLY: middle loop stalled",
                "ETHUSDT SKIP: ENTER_LONG: trading state REDUCE_ONLY",
                "state REDUCE_ONLY -> ACTIVE: venue healthy again",
                "ETHUSDT ENTER_LONG: break of the 5-bar channel [99.0, 101.0] at 102.0");
        assertThat(engine.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void dailyLossLimitFlattensHaltsAndResumesNextUtcDay() {
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        engine.onTick(ETH, 98.0, at(5, 2));
        fill(port.last());
        port.clear();
        listener.clear();

        equity = 97_100; // 2.9 % down
        engine.onClock(at(5, 3));
        assertThat(port.intents()).isEmpty();

        equity = 97_000; // 3 % down: the limit
        engine.onClock(at(5, 4));
        assertThat(port.intents())
                .extracting(OrderIntent::symbol, OrderIntent::action, OrderIntent::signedQty, OrderIntent::reduceOnly)
                .containsExactly(
                        tuple("BTCUSDT", Action.FLATTEN, -19.5, true),
                        tuple("ETHUSDT", Action.FLATTEN, 20.0, true));
        assertThat(listener.stateChanges()).containsExactly(
                new StateChange(at(5, 4), TradingState.ACTIVE, TradingState.HALTED,
                        "daily loss limit of 3.0% reached"));
        for (OrderIntent flatten : port.intents()) {
            fill(flatten);
        }
        port.clear();

        engine.onTick(BTC, 102.0, at(6, 0));
        engine.onTick(ETH, 90.0, at(7, 0));
        engine.onClock(at(100, 0));
        assertThat(port.intents()).isEmpty();
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);

        long tomorrow = DAY + DAY_MILLIS;
        engine.onClock(tomorrow);
        engine.onTick(BTC, 102.0, tomorrow + 1_000);

        assertThat(listener.stateChanges()).last().isEqualTo(
                new StateChange(tomorrow, TradingState.HALTED, TradingState.ACTIVE, "new trading day"));
        assertThat(engine.startOfDayEquity()).isEqualTo(97_000);
        // 2 % of 97,000 = 1,940; / 102 = 19.02 -> 19.0
        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::signedQty)
                .containsExactly(tuple(Action.ENTER_LONG, 19.0));
    }

    @Test
    void refusedFlattenIsRetriedOncePerBarWhileHalted() {
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        port.clear();

        equity = 97_000;
        engine.onClock(at(5, 4));
        OrderIntent first = port.last();
        engine.onOrderDone(BTC, first.clientOrderId()); // the venue refused it: no fill
        engine.onClock(at(5, 30));
        engine.onTick(BTC, 101.0, at(5, 31));
        assertThat(port.intents()).containsExactly(first);

        engine.onClock(at(6, 0));
        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::signedQty, OrderIntent::clientOrderId)
                .containsExactly(
                        tuple(Action.FLATTEN, -19.5, "lsh-BTCUSDT-" + barIndex(5) + "-2"),
                        tuple(Action.FLATTEN, -19.5, "lsh-BTCUSDT-" + barIndex(6) + "-1"));
        fill(port.last());
        engine.onClock(at(7, 0));
        assertThat(port.intents()).hasSize(2);
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void dailyLossLimitHaltsEvenWhenFlat() {
        equity = 96_000;
        engine.onClock(at(6, 0));
        engine.onTick(BTC, 102.0, at(6, 1));

        assertThat(port.intents()).isEmpty();
        assertThat(listener.events()).containsExactly(new StateChange(at(6, 0), TradingState.ACTIVE,
                TradingState.HALTED, "daily loss limit of 3.0% reached"));
    }

    // ---- parameters ----

    @Test
    void swappedParamsTakeEffectOnTheVeryNextTick() {
        engine = new Engine(INSTRUMENTS, LIMITS, params(1).breakoutLookback(10).build(), port, listener,
                () -> equity);
        for (int bar = 0; bar < 10; bar++) {
            boolean wide = bar < 5;
            closeBar(engine, BTC, bar, wide ? 105 : 101, wide ? 95 : 99);
        }
        engine.onClock(at(10, 0));
        engine.onTick(BTC, 102.0, at(10, 1)); // inside the 10-bar channel [95, 105]
        assertThat(port.intents()).isEmpty();

        engine.swapParams(params(2).breakoutLookback(5).maxPositionPct(3.0).build());
        engine.onTick(BTC, 102.0, at(10, 2)); // outside the 5-bar channel [99, 101]

        // 3 % of 100,000 = 3,000; / 102 = 29.4 -> 29.0
        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::signedQty,
                        OrderIntent::paramsVersion)
                .containsExactly(tuple(Action.ENTER_LONG, 29.0, 2L));
        assertThat(listener.decisions()).singleElement().satisfies(d -> {
            assertThat(d.paramsVersion()).isEqualTo(2);
            assertThat(d.reason()).isEqualTo("break of the 5-bar channel [99.0, 101.0] at 102.0");
            assertThat(d.signals().channelHigh()).isEqualTo(101.0);
        });
    }

    @Test
    void paramsOutsideTheCeilingsAreClampedToTheHardLimit() {
        engine.swapParams(params(2).maxPositionPct(50.0).maxLeverage(10.0).build());

        engine.onTick(BTC, 102.0, at(5, 1));

        // held to 5 %: 5,000 / 102 = 49.02 -> 49.0
        assertThat(port.intents()).extracting(OrderIntent::signedQty).containsExactly(49.0);
        assertThat(listener.rejections()).isEmpty();
    }

    @Test
    void sizeMultiplierAboveOneIsHeldToTheHardCeiling() {
        engine.swapParams(params(2).maxPositionPct(4.0).symbol("BTCUSDT", true, 1.5).build());

        engine.onTick(BTC, 102.0, at(5, 1));

        // 4 % x 1.5 = 6 % is above the 5 % ceiling: 5,000 / 102 -> 49.0
        assertThat(port.intents()).extracting(OrderIntent::signedQty).containsExactly(49.0);
        assertThat(listener.rejections()).isEmpty();
    }

    @Test
    void refusedOrderIsReportedAsRiskRejectionAndSkip() {
        engine.setPosition(ETH, 1_000.0, 100.0); // 100,000 USDT of ETH: no room for more gross exposure
        engine.swapParams(params(2).maxLeverage(1.0).build());

        engine.onTick(ETH, 100.0, at(5, 1));
        engine.onTick(BTC, 102.0, at(5, 2));

        assertThat(port.intents()).isEmpty();
        assertThat(listener.events()).extracting(Object::getClass)
                .containsExactly(RiskRejection.class, Decision.class);
        assertThat(listener.rejections()).containsExactly(
                new RiskRejection(at(5, 2), "BTCUSDT", 19.5, 102.0, OrderReject.LEVERAGE_LIMIT, 2));
        assertThat(listener.decisions()).extracting(Decision::action, Decision::reason)
                .containsExactly(tuple(Action.SKIP, "ENTER_LONG: risk check: LEVERAGE_LIMIT"));
    }

    // ---- one symbol held reduce-only ----

    @Test
    void aHeldSymbolOpensNothingWhileTheOthersTrade() {
        engine.holdSymbol(BTC, SymbolHold.STALE_FEED, true);

        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onTick(ETH, 102.0, at(5, 2));

        assertThat(port.intents()).extracting(OrderIntent::symbol).containsExactly("ETHUSDT");
        assertThat(listener.decisions()).extracting(Decision::symbol, Decision::reason).contains(
                tuple("BTCUSDT", "ENTER_LONG: BTCUSDT is held reduce-only (stale_feed)"));
    }

    @Test
    void aHeldSymbolStillExitsAtItsStopAndExitsInsteadOfReversing() {
        engine.swapParams(params(2).stopLossPct(1.5).build());
        engine.setPosition(BTC, 19.5, 100.0);
        engine.setPosition(ETH, -19.5, 100.0);
        engine.holdSymbol(BTC, SymbolHold.UNRECONCILED, true);
        engine.holdSymbol(ETH, SymbolHold.UNRECONCILED, true);

        engine.onTick(BTC, 98.5, at(5, 1)); // 1.5 % below entry: the stop
        engine.onTick(ETH, 101.2, at(5, 2)); // breaks the channel against the short: no reversal, an exit

        assertThat(port.intents()).extracting(OrderIntent::symbol, OrderIntent::action, OrderIntent::signedQty,
                OrderIntent::reduceOnly).containsExactly(tuple("BTCUSDT", Action.STOP_LOSS, -19.5, true),
                tuple("ETHUSDT", Action.EXIT, 19.5, true));
    }

    @Test
    void releasingTheLastCauseLetsTheSymbolTradeAgain() {
        engine.holdSymbol(BTC, SymbolHold.STALE_FEED, true);
        engine.holdSymbol(BTC, SymbolHold.UNRECONCILED, true);
        engine.holdSymbol(BTC, SymbolHold.STALE_FEED, false);
        engine.onTick(BTC, 102.0, at(5, 1));
        engine.holdSymbol(BTC, SymbolHold.UNRECONCILED, false);
        engine.onTick(BTC, 102.0, at(6, 1));

        assertThat(port.intents()).extracting(OrderIntent::time).containsExactly(at(6, 1));
    }

    // ---- the price band's reference ----

    @Test
    void aSingleFortyPercentPrintDoesNotTradeOnAVenueWithoutAMark() {
        engine.onTick(BTC, 100.5, at(5, 1));
        engine.onTick(BTC, 140.0, at(5, 2)); // a bad print far above the channel

        assertThat(port.intents()).isEmpty();
        assertThat(listener.rejections()).extracting(RiskRejection::price, RiskRejection::reason)
                .containsExactly(tuple(140.0, OrderReject.PRICE_BAND));
    }

    @Test
    void aSingleBadPrintCannotTriggerTheStopLoss() {
        engine.swapParams(params(2).stopLossPct(1.0).build());
        engine.onTick(BTC, 102.0, at(5, 1));
        fill(port.last());
        port.clear();

        engine.onTick(BTC, 61.0, at(5, 2)); // 40 % below entry, once

        assertThat(port.intents()).isEmpty();
        assertThat(listener.rejections()).extracting(RiskRejection::reason).containsExactly(OrderReject.PRICE_BAND);
        assertThat(engine.position(BTC)).isEqualTo(19.5);
    }

    @Test
    void measuresTheBandFromTheVenuesMarkPriceWhereThereIsOne() {
        engine.onTick(BTC, 102.0, 140.0, at(5, 1)); // the mark says the market is elsewhere: the trade is suspect
        engine.onTick(BTC, 140.0, 100.0, at(6, 1)); // a bad print while the mark stays put
        engine.onTick(ETH, 102.0, 101.9, at(6, 2)); // a real break, the mark agreeing

        assertThat(port.intents()).extracting(OrderIntent::symbol, OrderIntent::referencePrice)
                .containsExactly(tuple("ETHUSDT", 102.0));
        assertThat(listener.rejections()).extracting(RiskRejection::price, RiskRejection::reason)
                .containsExactly(tuple(102.0, OrderReject.PRICE_BAND), tuple(140.0, OrderReject.PRICE_BAND));
    }

    @Test
    void followsARealMoveOnceSeveralTradesConfirmIt() {
        engine.onTick(BTC, 100.5, at(5, 1));
        engine.onTick(BTC, 103.0, at(5, 2)); // 2.5 % above the recent median: held back
        engine.onTick(BTC, 103.1, at(6, 1)); // the median has moved up with the trades

        assertThat(listener.rejections()).extracting(RiskRejection::reason).containsExactly(OrderReject.PRICE_BAND);
        assertThat(port.intents()).extracting(OrderIntent::action, OrderIntent::referencePrice)
                .containsExactly(tuple(Action.ENTER_LONG, 103.1));
    }

    // ---- orders in flight ----

    @Test
    void sendsNothingForASymbolWhileItsOrderIsInFlight() {
        engine.onTick(BTC, 102.0, at(5, 1));
        OrderIntent entry = port.last();
        engine.onTick(BTC, 90.0, at(6, 0)); // would be a stop and a reversal
        engine.onTick(ETH, 102.0, at(6, 1)); // another symbol is not held up
        assertThat(engine.pendingOrder(BTC)).isEqualTo(entry.clientOrderId());

        fill(entry);
        engine.onTick(BTC, 98.5, at(7, 0));

        assertThat(port.intents()).extracting(OrderIntent::symbol, OrderIntent::action)
                .containsExactly(
                        tuple("BTCUSDT", Action.ENTER_LONG),
                        tuple("ETHUSDT", Action.ENTER_LONG),
                        tuple("BTCUSDT", Action.REVERSE_SHORT));
        assertThat(engine.pendingOrder(BTC)).isEqualTo(port.last().clientOrderId());
    }

    @Test
    void ignoresDoneReportOfAnotherOrder() {
        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onOrderDone(BTC, "lsh-BTCUSDT-1-1");

        assertThat(engine.pendingOrder(BTC)).isEqualTo(port.last().clientOrderId());
    }

    // ---- bar close ----

    @Test
    void journalsHoldDecisionsAtBarCloseWhenAsked() {
        RecordingListener bars = new RecordingListener(true);
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(7).build(), port, bars, () -> equity);
        for (int bar = 0; bar < 5; bar++) {
            closeBar(e, BTC, bar, 101, 99);
        }

        assertThat(bars.decisions())
                .extracting(Decision::time, Decision::action, Decision::reason, Decision::paramsVersion)
                .containsExactly(
                        tuple(at(1, 0), Action.HOLD, "warming up: 1 of 5 bars", 7L),
                        tuple(at(2, 0), Action.HOLD, "warming up: 2 of 5 bars", 7L),
                        tuple(at(3, 0), Action.HOLD, "warming up: 3 of 5 bars", 7L),
                        tuple(at(4, 0), Action.HOLD, "warming up: 4 of 5 bars", 7L),
                        tuple(at(5, 0), Action.HOLD, "flat; channel [99.0, 101.0]", 7L));
    }

    // ---- helpers ----

    /** Plays the venue: the intent filled completely at its reference price. */
    private void fill(OrderIntent intent) {
        int sym = engine.indexOf(intent.symbol());
        engine.onFill(sym, intent.signedQty(), intent.referencePrice());
        engine.onOrderDone(sym, intent.clientOrderId());
    }

    private static String describe(Record event) {
        if (event instanceof StateChange c) {
            return "state " + c.from() + " -> " + c.to() + ": " + c.reason();
        }
        if (event instanceof Decision d) {
            return d.symbol() + " " + d.action() + ": " + d.reason();
        }
        return event.toString();
    }

    /** Time {@code seconds} into bar {@code bar} of the test day. */
    private static long at(int bar, int seconds) {
        return DAY + bar * BAR + seconds * 1_000L;
    }

    private static long barIndex(int bar) {
        return at(bar, 0) / BAR;
    }

    /** Closes bar {@code bar} of {@code sym} with this range, closing mid-range. */
    private static void closeBar(Engine e, int sym, int bar, double high, double low) {
        e.onBarClose(sym, at(bar, 0) + BAR, high, low, (high + low) / 2, 10.0);
    }

    private static ParamsBuilder params(long version) {
        return new ParamsBuilder(version);
    }

    /** Test params: 2 % per position, 5 % stop, no take-profit, 5-bar lookback, both symbols enabled. */
    private static final class ParamsBuilder {
        private final long version;
        private double maxPositionPct = 2.0;
        private double stopLossPct = 5.0;
        private Double takeProfitPct;
        private int lookback = 5;
        private double maxLeverage = 3.0;
        private TradingMode mode = TradingMode.ACTIVE;
        private final TreeMap<String, SymbolParams> symbols = new TreeMap<>();

        ParamsBuilder(long version) {
            this.version = version;
            symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
            symbols.put("ETHUSDT", new SymbolParams(true, 1.0));
        }

        ParamsBuilder maxPositionPct(double v) {
            maxPositionPct = v;
            return this;
        }

        ParamsBuilder stopLossPct(double v) {
            stopLossPct = v;
            return this;
        }

        ParamsBuilder takeProfitPct(double v) {
            takeProfitPct = v;
            return this;
        }

        ParamsBuilder breakoutLookback(int v) {
            lookback = v;
            return this;
        }

        ParamsBuilder maxLeverage(double v) {
            maxLeverage = v;
            return this;
        }

        ParamsBuilder tradingMode(TradingMode v) {
            mode = v;
            return this;
        }

        ParamsBuilder symbol(String symbol, boolean enabled, double sizeMultiplier) {
            symbols.put(symbol, new SymbolParams(enabled, sizeMultiplier));
            return this;
        }

        Params build() {
            return new Params(version, maxPositionPct, stopLossPct, takeProfitPct, lookback, maxLeverage, 3.0, mode,
                    symbols, "test", "", Instant.EPOCH);
        }
    }
}
