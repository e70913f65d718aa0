package dev.leash.gateway.loop;

import dev.leash.backtest.BacktestProgress;
import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.backtest.EquityCurve;
import dev.leash.backtest.Specs;
import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.venue.sim.FundingModel;
import dev.leash.venue.sim.TickPath;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.OrderStatus;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same bars through the live path (the inner loop stepping the simulated venue second by second) and through
 * the backtester, both run by the one engine driver, give identical streams byte for byte: every decision, risk
 * rejection and state change; every fill (orders, times, prices, quantities, fees, realized P&L); and the equity
 * after each bar's last tick-path point.
 */
class LiveBacktestParityTest {

    private static final int WARMUP = 260;
    private static final long SEED = 11;
    private static final long DAYS = 3;
    /** The last tick-path point of a bar: where the backtest draws its equity curve. */
    private static final long LAST_POINT = 3 * TickPath.STEP_MILLIS;

    @Test
    @Timeout(120)
    void liveSimulatedVenueAndBacktestOfTheSameBarsDecideFillAndEarnIdentically() throws Exception {
        // Start one bar after a funding time, so funding falls mid-run on both paths.
        long start = FundingModel.nextFundingTime(1_767_225_600_000L) + Candle.INTERVAL_MILLIS;
        long end = start + DAYS * 86_400_000L;
        Params params = params();
        List<SyntheticMarket.Spec> specs = SyntheticMarket.DEFAULT_SPECS;
        LinkedHashSet<String> symbols = new LinkedHashSet<>();
        specs.forEach(s -> symbols.add(s.instrument().symbol()));
        Limits limits = Limits.hard(symbols);

        SimulatedVenue venue = SimulatedVenue.open(SEED, specs, 100_000, start, StateStore.inMemory());
        Recording liveEvents = new Recording();
        QuietListener quiet = new QuietListener(liveEvents);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        Engine engine = new Engine(Specs.of(venue.instruments()), limits, params, outbox, quiet, venue::equity);
        InnerLoop loop = new InnerLoop(venue, venue, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000),
                new NoTradeRecorder(), quiet, new AccountCache(), 60_000);
        outbox.bind(loop);
        loop.start(WARMUP, List.of());
        List<String> liveEquity = new ArrayList<>();
        int stepsWithAnOrderWaiting = 0;
        for (long t = start; t < end; t += 1_000) {
            loop.step(t);
            List<Order> open = venue.openOrders();
            if (!open.isEmpty()) {
                stepsWithAnOrderWaiting++;
                for (Order o : open) { // shown open until the next price, and held by the engine as in flight
                    assertThat(o.status()).isEqualTo(OrderStatus.NEW);
                    assertThat(engine.pendingOrder(engine.indexOf(o.symbol()))).isEqualTo(o.clientOrderId());
                }
                assertThat(open).extracting(Order::symbol).doesNotHaveDuplicates();
            }
            if (Math.floorMod(t, Candle.INTERVAL_MILLIS) == LAST_POINT) {
                liveEquity.add(t + Candle.INTERVAL_MILLIS - LAST_POINT + " " + venue.equity());
            }
        }
        List<Fill> live = venue.fills(Long.MIN_VALUE, Long.MAX_VALUE);

        SyntheticMarket market = venue.market();
        long first = market.barIndexAt(start) - WARMUP;
        long last = market.barIndexAt(end);
        Map<String, List<Candle>> bars = new LinkedHashMap<>();
        for (int sym = 0; sym < specs.size(); sym++) {
            List<Candle> list = new ArrayList<>();
            for (long k = first; k < last; k++) {
                list.add(market.bar(sym, k));
            }
            bars.put(specs.get(sym).instrument().symbol(), list);
        }
        Recording backtestEvents = new Recording();
        BacktestResult backtest = Backtester.create(venue.instruments(), limits, 100_000, WARMUP)
                .run(params, Bars.of(bars), backtestEvents, BacktestProgress.NONE);
        List<String> backtestEquity = new ArrayList<>();
        EquityCurve curve = backtest.equityCurve();
        for (int i = 0; i < curve.size(); i++) {
            backtestEquity.add(curve.time(i) + " " + curve.equity(i));
        }

        assertThat(live).hasSizeGreaterThan(10);
        assertThat(stepsWithAnOrderWaiting).as("each order waits, open, for the next tick-path point")
                .isGreaterThanOrEqualTo(live.size());
        assertThat(live).extracting(Fill::clientOrderId).doesNotHaveDuplicates();
        Map<String, Long> sentAt = new LinkedHashMap<>();
        for (Object e : liveEvents.events) {
            if (e instanceof Decision d && d.action() != Action.HOLD && d.action() != Action.SKIP) {
                sentAt.putIfAbsent(d.symbol() + "@" + d.time(), d.time());
            }
        }
        assertThat(live).as("every fill is at the tick-path point after the decision that sent its order")
                .allSatisfy(f -> assertThat(sentAt).containsKey(f.symbol() + "@" + (f.time() - TickPath.STEP_MILLIS)));
        assertThat(liveEvents.decisions()).isGreaterThan(live.size());
        assertThat(liveEvents.events).as("take-profits, sent at their level, fill alike on both paths")
                .anyMatch(e -> e instanceof Decision d && d.action() == Action.TAKE_PROFIT);
        assertThat(serialized(backtestEvents.after(start))).isEqualTo(serialized(liveEvents.after(start)));
        assertThat(serialized(backtest.fills())).isEqualTo(serialized(live));
        assertThat(liveEquity).hasSize(curve.size());
        assertThat(String.join("\n", backtestEquity)).isEqualTo(String.join("\n", liveEquity));
    }

    private static String serialized(List<?> stream) {
        StringBuilder out = new StringBuilder();
        for (Object o : stream) {
            out.append(o).append('\n');
        }
        return out.toString();
    }

    /** Every decision, risk rejection and state change, in order. */
    private static final class Recording implements EngineListener {
        private final List<Object> events = new ArrayList<>();

        @Override
        public void onDecision(Decision decision) {
            events.add(decision);
        }

        @Override
        public void onRiskRejection(RiskRejection rejection) {
            events.add(rejection);
        }

        @Override
        public void onStateChange(StateChange change) {
            events.add(change);
        }

        long decisions() {
            return events.stream().filter(Decision.class::isInstance).count();
        }

        /**
         * The events of the trading run: without the warm-up's bar-close holds (the backtest reports them, the live
         * loop replays its history quietly).
         */
        List<Object> after(long start) {
            List<Object> out = new ArrayList<>();
            for (Object e : events) {
                if (!(e instanceof Decision d && d.action() == Action.HOLD && d.time() <= start)) {
                    out.add(e);
                }
            }
            return out;
        }
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            symbols.put(s.instrument().symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(1, 2.0, 1.5, 4.0, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "parity", Instant.EPOCH);
    }
}
