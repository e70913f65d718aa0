package dev.leash.gateway.loop;

import dev.leash.gateway.backtest.Specs;
import dev.leash.gateway.backtest.BacktestResult;
import dev.leash.gateway.backtest.Backtester;
import dev.leash.gateway.backtest.Bars;
import dev.leash.gateway.engine.Engine;
import dev.leash.gateway.engine.EngineListener;
import dev.leash.gateway.engine.OrderIntent;
import dev.leash.gateway.sim.FundingModel;
import dev.leash.gateway.sim.SimulatedVenue;
import dev.leash.gateway.sim.StateStore;
import dev.leash.gateway.sim.SyntheticMarket;
import dev.leash.gateway.venue.Account;
import dev.leash.gateway.venue.Candle;
import dev.leash.gateway.venue.Fill;
import dev.leash.gateway.venue.PlaceResult;
import dev.leash.gateway.venue.Position;
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
 * the backtester give identical fills: same orders, times, prices, quantities and fees.
 */
class LiveBacktestParityTest {

    private static final int WARMUP = 260;
    private static final long SEED = 11;
    private static final long DAYS = 3;

    @Test
    @Timeout(120)
    void liveSimulatedVenueAndBacktestOfTheSameBarsFillIdentically() throws Exception {
        // Start one bar after a funding time, so funding falls mid-run on both paths.
        long start = FundingModel.nextFundingTime(1_767_225_600_000L) + Candle.INTERVAL_MILLIS;
        long end = start + DAYS * 86_400_000L;
        Params params = params();
        List<SyntheticMarket.Spec> specs = SyntheticMarket.DEFAULT_SPECS;
        LinkedHashSet<String> symbols = new LinkedHashSet<>();
        specs.forEach(s -> symbols.add(s.instrument().symbol()));
        Limits limits = Limits.hard(symbols);

        SimulatedVenue venue = SimulatedVenue.open(SEED, specs, 100_000, start, new MemoryStore());
        QuietListener quiet = new QuietListener(EngineListener.NONE);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        Engine engine = new Engine(Specs.of(venue.instruments()), limits, params, outbox, quiet, venue::equity);
        InnerLoop loop = new InnerLoop(venue, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000), new NoRecorder(),
                quiet);
        outbox.bind(loop);
        loop.start(WARMUP, List.of());
        for (long t = start; t < end; t += 1_000) {
            loop.step(t);
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
        BacktestResult backtest = Backtester.create(venue.instruments(), limits, 100_000, WARMUP)
                .run(params, Bars.of(bars));

        assertThat(live).hasSizeGreaterThan(10);
        assertThat(backtest.fills()).containsExactlyElementsOf(live);
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            symbols.put(s.instrument().symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(1, 2.0, 1.5, 4.0, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "parity", Instant.EPOCH);
    }

    private static final class MemoryStore implements StateStore {
        private String state;

        @Override
        public String load() {
            return state;
        }

        @Override
        public void save(String s) {
            state = s;
        }
    }

    private static final class NoRecorder implements TradeRecorder {
        @Override
        public void orderSending(OrderIntent intent) {
        }

        @Override
        public void orderPlaced(OrderIntent intent, PlaceResult result) {
        }

        @Override
        public void orderFailed(OrderIntent intent, String error) {
            throw new AssertionError("order failed: " + error);
        }

        @Override
        public boolean fill(Fill fill, long paramsVersion) {
            return true;
        }

        @Override
        public void equity(long time, Account account) {
        }

        @Override
        public void positions(long time, List<Position> positions) {
        }

        @Override
        public void event(long time, String kind, String message) {
        }

        @Override
        public void paramsActive(long version, long tradingTime, long wallTime) {
        }
    }
}
