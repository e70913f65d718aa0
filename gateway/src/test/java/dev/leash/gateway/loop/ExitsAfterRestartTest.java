package dev.leash.gateway.loop;

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
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway restarted while a position is open resumes its trailing and time stops where they were: the bars since
 * entry and the best price since entry come back from the venue's fills and bars, so the position closes when it
 * would have closed without the restart.
 */
@Timeout(120)
class ExitsAfterRestartTest {

    private static final long START = 1_767_225_600_000L;
    private static final long BAR = Candle.INTERVAL_MILLIS;
    private static final long STEP = 15_000;
    private static final int WARMUP = 260;
    private static final long SEED = 11;
    private static final int TIME_STOP_BARS = 12;

    @Test
    void theTimeAndTrailingStopsOfAnOpenPositionResumeAfterARestartAndCloseItWhenTheyWouldHave() throws Exception {
        Run uninterrupted = new Run(SimulatedVenue.open(SEED, SyntheticMarket.DEFAULT_SPECS, 100_000, START,
                StateStore.inMemory()), START);
        long entered = uninterrupted.untilAPositionOpens(START + 2 * 86_400_000L);
        int sym = uninterrupted.openSymbol();
        // at a bar's open: the prices of a bar still forming when the gateway stopped are no bar the venue gives
        long restart = Math.floorDiv(entered, BAR) * BAR + 6 * BAR;
        uninterrupted.stepTo(restart);
        assertThat(uninterrupted.engine.position(sym)).as("still open at the restart").isNotZero();
        long bars = uninterrupted.engine.barsSinceEntry(sym);
        double best = uninterrupted.engine.bestPriceSinceEntry(sym);
        long closed = uninterrupted.untilClosed(sym, entered + 3 * TIME_STOP_BARS * BAR);

        SimulatedVenue venue = SimulatedVenue.open(SEED, SyntheticMarket.DEFAULT_SPECS, 100_000, START,
                StateStore.inMemory());
        Run first = new Run(venue, START);
        first.stepTo(restart); // then the gateway stops: its engine is gone, the venue keeps the position
        Run second = new Run(venue, restart + STEP);

        assertThat(second.engine.position(sym)).isEqualTo(uninterrupted.qtyAtEntry);
        assertThat(second.engine.barsSinceEntry(sym)).as("closed bars since entry").isEqualTo(bars).isPositive();
        assertThat(second.engine.bestPriceSinceEntry(sym)).as("best price since entry").isEqualTo(best);
        assertThat(second.untilClosed(sym, entered + 3 * TIME_STOP_BARS * BAR)).isEqualTo(closed);
        assertThat(closed).isLessThanOrEqualTo(entered + (TIME_STOP_BARS + 1) * BAR);
    }

    @Test
    void fillsTheVenueCannotGiveAtARestartLeaveTheExitsToStartAnewAndTradingStarts() throws Exception {
        SimulatedVenue venue = SimulatedVenue.open(SEED, SyntheticMarket.DEFAULT_SPECS, 100_000, START,
                StateStore.inMemory());
        Run first = new Run(venue, START);
        long entered = first.untilAPositionOpens(START + 2 * 86_400_000L);
        long restart = Math.floorDiv(entered, BAR) * BAR + 6 * BAR;
        first.stepTo(restart);
        Venue noFills = new ForwardingVenue(venue) {
            @Override
            public List<Fill> fills(long fromMillis, long toMillis) throws VenueException {
                throw new VenueException("execution list unavailable");
            }
        };

        Run second = new Run(noFills, venue, restart + STEP);

        assertThat(second.engine.position(first.openSymbol())).isEqualTo(first.qtyAtEntry);
        second.stepTo(restart + 2 * STEP);
        assertThat(second.engine.barsSinceEntry(first.openSymbol())).isZero();
    }

    /** One gateway run: an engine and its inner loop on the venue, stepped by hand from {@code from}. */
    private static final class Run {
        private final Engine engine;
        private final InnerLoop loop;
        private long t;
        private double qtyAtEntry;
        private int open = -1;

        Run(SimulatedVenue venue, long from) throws Exception {
            this(venue, venue, from);
        }

        Run(Venue venue, SimulatedVenue market, long from) throws Exception {
            LinkedHashSet<String> symbols = new LinkedHashSet<>(venue.symbols());
            QuietListener quiet = new QuietListener(EngineListener.NONE);
            InnerLoop.Outbox outbox = new InnerLoop.Outbox();
            engine = new Engine(Specs.of(venue.instruments()), Limits.hard(symbols), params(), outbox, quiet,
                    market::equity);
            loop = new InnerLoop(venue, market, engine, Pacer.simulated(() -> 0L, from, 1.0, STEP), new NoTradeRecorder(),
                    quiet, new AccountCache(), 60_000);
            outbox.bind(loop);
            loop.start(WARMUP, List.of());
            t = from;
        }

        long untilAPositionOpens(long limit) {
            for (; t < limit; t += STEP) {
                loop.step(t);
                for (int s = 0; s < engine.symbols().size(); s++) {
                    if (engine.position(s) != 0) {
                        open = s;
                        qtyAtEntry = engine.position(s);
                        return t;
                    }
                }
            }
            throw new AssertionError("no position opened");
        }

        int openSymbol() {
            return open;
        }

        void stepTo(long end) {
            for (t += STEP; t <= end; t += STEP) {
                loop.step(t);
            }
            t = end;
        }

        /** The step at which the position of {@code sym} open now is closed or reversed. */
        long untilClosed(int sym, long limit) {
            double qty = engine.position(sym);
            for (t += STEP; t < limit; t += STEP) {
                loop.step(t);
                if (engine.position(sym) != qty) {
                    return t;
                }
            }
            throw new AssertionError("the position stayed open");
        }
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            symbols.put(s.instrument().symbol(), new SymbolParams(true, 1.0));
        }
        Params p = new Params(1, 2.0, 1.5, null, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "restart",
                Instant.EPOCH);
        StrategySpec d = StrategySpec.defaultFor(p);
        return p.withStrategy(new StrategySpec(d.entry(), List.of(), List.of(
                BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 10.0)),
                BlockSpec.of(StrategyBlock.TRAILING_STOP, Map.of(StrategyField.TRAILING_PCT, 5.0)),
                BlockSpec.of(StrategyBlock.TIME_STOP, Map.of(StrategyField.TIME_STOP_BARS, (double) TIME_STOP_BARS)))));
    }
}
