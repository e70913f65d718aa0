package dev.leash.gateway.loop;

import dev.leash.backtest.BacktestProgress;
import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.risk.BlockSpec;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.sim.FundingModel;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
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
 * A strategy with a funding filter trades alike live on the simulated venue (the venue's funding rate, read at each
 * bar) and in a backtest of the same bars (the funding model's rate): both feed the filter the same numbers.
 */
class FundingFilterParityTest {

    private static final int WARMUP = 260;
    private static final long SEED = 11;
    private static final long DAYS = 2;

    @Test
    @Timeout(120)
    void aStrictFundingFilterRefusesTheSameEntriesLiveAndInABacktest() throws Exception {
        long start = FundingModel.nextFundingTime(1_767_225_600_000L) + Candle.INTERVAL_MILLIS;
        long end = start + DAYS * 86_400_000L;
        Params params = params();
        List<SyntheticMarket.Spec> specs = SyntheticMarket.DEFAULT_SPECS;
        LinkedHashSet<String> symbols = new LinkedHashSet<>();
        specs.forEach(s -> symbols.add(s.instrument().symbol()));
        Limits limits = Limits.hard(symbols);

        SimulatedVenue venue = SimulatedVenue.open(SEED, specs, 100_000, start, StateStore.inMemory());
        QuietListener quiet = new QuietListener(EngineListener.NONE);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        Engine engine = new Engine(Specs.of(venue.instruments()), limits, params, outbox, quiet, venue::equity);
        InnerLoop loop = new InnerLoop(venue, venue, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000),
                new NoTradeRecorder(), quiet, new AccountCache(), 60_000);
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
                .run(params, Bars.of(bars), EngineListener.NONE, BacktestProgress.NONE);
        BacktestResult unfiltered = Backtester.create(venue.instruments(), limits, 100_000, WARMUP)
                .run(params.withStrategy(StrategySpec.defaultFor(params)), Bars.of(bars), EngineListener.NONE,
                        BacktestProgress.NONE);

        assertThat(live).isNotEmpty();
        assertThat(backtest.fills()).as("the filter refused some entries").isNotEqualTo(unfiltered.fills());
        assertThat(live.toString()).isEqualTo(backtest.fills().toString());
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            symbols.put(s.instrument().symbol(), new SymbolParams(true, 1.0));
        }
        Params p = new Params(1, 2.0, 1.5, 4.0, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "parity",
                Instant.EPOCH);
        StrategySpec d = StrategySpec.defaultFor(p);
        return p.withStrategy(new StrategySpec(d.entry(),
                List.of(BlockSpec.of(StrategyBlock.FUNDING, Map.of(StrategyField.FUNDING_MAX_PCT, 0.0))), d.exits()));
    }
}
