package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.engine.SymbolBias;
import dev.leash.gateway.shadow.ShadowBook;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.risk.Limits;
import dev.leash.risk.BlockSpec;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * On the simulated venue the live book and its {@code live-params} shadow share the fill model, so they must trade
 * identically: same fills (time, symbol, side, qty, price) and the same equity, for days of trading time, also when
 * the params change while positions are open or an order waits for its next price.
 */
@Timeout(300)
class LiveParamsShadowParityTest {

    private static final int WARMUP = 260;
    private static final long SEED = 11;
    private static final long HOUR = 3_600_000L;

    /** The live inner loop on the simulated venue, its shadows drained after every step. */
    private static final class Rig {
        final long start = FundingModel.nextFundingTime(1_767_225_600_000L) + Candle.INTERVAL_MILLIS;
        final SimulatedVenue venue;
        final InnerLoop loop;
        final Engine engine;
        final ShadowBooks books;
        long now;

        Rig(Params live) throws Exception {
            Limits limits = Limits.hard(SimulatedLoopFixtures.symbols());
            venue = SimulatedVenue.open(SEED, SyntheticMarket.DEFAULT_SPECS, 100_000, start, StateStore.inMemory());
            QuietListener quiet = new QuietListener(EngineListener.NONE);
            InnerLoop.Outbox outbox = new InnerLoop.Outbox();
            engine = new Engine(Specs.of(venue.instruments()), limits, live, outbox, quiet, venue::equity);
            loop = new InnerLoop(venue, venue, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000),
                    new NoTradeRecorder(), quiet, new AccountCache(), 60_000);
            outbox.bind(loop);
            books = new ShadowBooks(venue.instruments(), limits, live, ShadowBooks.Settings.DEFAULT,
                    (t, name, version, figures, flags) -> { });
            loop.shadowTo(books::offer);
            loop.start(WARMUP, List.of());
            now = start;
        }

        void runUntil(long end) {
            for (; now < end; now += 1_000) {
                loop.step(now);
                books.drain();
            }
        }

        /** Runs until the live book holds a position and has an order waiting, then installs {@code next}. */
        void switchWithPositionsOpen(Params next) {
            while (!(holdsAPosition() && !venue.openOrders().isEmpty())) {
                runUntil(now + 1_000);
            }
            loop.post(e -> e.swapParams(next));
            loop.drainInbox();
        }

        /**
         * Runs until the {@code n}-th step after which a symbol closed its position in the bar still running (no
         * entry may follow in it), then installs {@code next}.
         */
        void switchRightAfterAnExit(Params next, int n) {
            long bar = Candle.INTERVAL_MILLIS;
            int seen = 0;
            double[] before = new double[venue.instruments().size()];
            while (true) {
                runUntil(now + 1_000);
                for (int s = 0; s < before.length; s++) {
                    boolean exited = before[s] != 0 && engine.position(s) == 0
                            && engine.lastEntryBar(s) == Math.floorDiv(now - 1_000, bar);
                    before[s] = engine.position(s);
                    if (exited && ++seen == n) {
                        loop.post(e -> e.swapParams(next));
                        loop.drainInbox();
                        return;
                    }
                }
            }
        }

        boolean holdsAPosition() {
            for (int s = 0; s < venue.instruments().size(); s++) {
                if (engine.position(s) != 0) {
                    return true;
                }
            }
            return false;
        }

        ShadowBook shadow(String name) {
            return books.activeBooks().stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
        }
    }

    @Test
    void theLiveParamsShadowStartedWithTheLiveBookTradesExactlyAsItForTwoDays() throws Exception {
        Rig rig = new Rig(params(1, 20));
        rig.runUntil(rig.start + 48 * HOUR);

        ShadowBook twin = rig.shadow("live-params v1");
        List<String> live = trades(rig.venue.fills(Long.MIN_VALUE, Long.MAX_VALUE));
        assertThat(live).hasSizeGreaterThan(20);
        assertThat(trades(twin.fills())).isEqualTo(live);
        assertThat(twin.equity()).isCloseTo(rig.venue.equity(), within(1e-6));
    }

    @Test
    void aLiveParamsShadowStartedAtASwitchWithPositionsOpenTradesExactlyAsTheLiveBookForADay() throws Exception {
        Rig rig = new Rig(params(1, 20));
        rig.runUntil(rig.start + 6 * HOUR);
        rig.switchWithPositionsOpen(params(2, 30));
        long switched = rig.now;
        rig.runUntil(switched + 30 * HOUR);

        ShadowBook twin = rig.shadow("live-params v2");
        assertThat(twin.since()).isEqualTo(switched);
        List<String> live = trades(rig.venue.fills(switched, Long.MAX_VALUE));
        assertThat(live).hasSizeGreaterThan(10);
        assertThat(trades(twin.fills())).isEqualTo(live);
        assertThat(twin.equity()).isCloseTo(rig.venue.equity(), within(1e-6));
    }

    @Test
    void aSwitchToAStrategyWithTrailingAndTimeStopsWithPositionsOpenKeepsTheShadowInStepForADay() throws Exception {
        Rig rig = new Rig(params(1, 20));
        rig.runUntil(rig.start + 5 * HOUR);
        Params v2 = params(2, 20);
        rig.switchWithPositionsOpen(v2.withStrategy(new StrategySpec(
                BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                        Map.of(StrategyField.BOLLINGER_PERIOD, 10.0, StrategyField.BOLLINGER_WIDTH, 1.0)),
                List.of(),
                List.of(BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.5)),
                        BlockSpec.of(StrategyBlock.TAKE_PROFIT, Map.of(StrategyField.TAKE_PROFIT_PCT, 1.0)),
                        BlockSpec.of(StrategyBlock.TRAILING_STOP, Map.of(StrategyField.TRAILING_PCT, 0.8)),
                        BlockSpec.of(StrategyBlock.TIME_STOP, Map.of(StrategyField.TIME_STOP_BARS, 24.0))))));
        long switched = rig.now;
        rig.runUntil(switched + 30 * HOUR);

        ShadowBook twin = rig.shadow("live-params v2");
        List<String> live = trades(rig.venue.fills(switched, Long.MAX_VALUE));
        assertThat(live).hasSizeGreaterThan(10);
        assertThat(trades(twin.fills())).isEqualTo(live);
        assertThat(twin.equity()).isCloseTo(rig.venue.equity(), within(1e-6));
    }

    @Test
    void aSwitchInTheBarOfAnExitEntersNoMoreInThatBarThanTheLiveBook() throws Exception {
        for (int n = 1; n <= 6; n++) {
            Rig rig = new Rig(params(1, 20));
            rig.runUntil(rig.start + 6 * HOUR);
            rig.switchRightAfterAnExit(params(2, 10), n);
            long switched = rig.now;
            rig.runUntil(switched + 24 * HOUR);

            List<String> live = trades(rig.venue.fills(switched, Long.MAX_VALUE));
            ShadowBook twin = rig.shadow("live-params v2");
            assertThat(trades(twin.fills())).as("switch after exit %d", n).isEqualTo(live);
            assertThat(twin.equity()).as("switch after exit %d", n).isCloseTo(rig.venue.equity(), within(1e-6));
        }
    }

    @Test
    void aVetoOnTheLiveBookHoldsForItsLiveParamsShadowButNotForTheBaseline() throws Exception {
        Rig rig = new Rig(params(1, 20));
        rig.runUntil(rig.start + 4 * HOUR);
        long vetoed = rig.now;
        for (int s = 0; s < rig.venue.instruments().size(); s++) {
            SymbolBias side = s % 2 == 0 ? SymbolBias.SHORT_ONLY : SymbolBias.FLAT;
            int sym = s;
            rig.loop.post(e -> e.setBias(sym, side, vetoed + 12 * HOUR));
        }
        rig.loop.drainInbox();
        rig.runUntil(vetoed + 24 * HOUR);

        List<String> live = trades(rig.venue.fills(Long.MIN_VALUE, Long.MAX_VALUE));
        List<String> liveInVeto = trades(rig.venue.fills(vetoed, vetoed + 12 * HOUR));
        assertThat(live).hasSizeGreaterThan(20);
        assertThat(liveInVeto).as("the veto lets exits and shorts on even symbols through").isNotEmpty();
        assertThat(trades(rig.shadow("live-params v1").fills())).isEqualTo(live);
        assertThat(rig.shadow("live-params v1").equity()).isCloseTo(rig.venue.equity(), within(1e-6));
        List<String> baselineInVeto = trades(rig.shadow("baseline").fills().stream()
                .filter(f -> f.time() >= vetoed && f.time() < vetoed + 12 * HOUR).toList());
        assertThat(baselineInVeto).as("the baseline trades as if no veto was set").isNotEqualTo(liveInVeto);
    }

    /** Each fill as time, symbol, side, qty and price: what both books must agree on. */
    private static List<String> trades(List<Fill> fills) {
        return fills.stream()
                .map(f -> Instant.ofEpochMilli(f.time()) + " " + f.symbol() + " " + f.side() + " " + f.qty() + " @ "
                        + f.price())
                .toList();
    }

    private static Params params(long version, int lookback) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (String s : SimulatedLoopFixtures.symbols()) {
            symbols.put(s, new SymbolParams(true, 1.0));
        }
        return new Params(version, 2.0, 1.5, 4.0, lookback, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "parity",
                Instant.EPOCH);
    }
}
