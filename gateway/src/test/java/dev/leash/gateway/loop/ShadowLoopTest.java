package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.gateway.shadow.BookFigures;
import dev.leash.gateway.shadow.Scorecard;
import dev.leash.gateway.shadow.ShadowBook;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.venue.sim.FundingModel;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.Position;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Shadow books beside the live inner loop on the simulated venue: fed by its tap, never holding it up. */
@Timeout(120)
class ShadowLoopTest {

    private static final int WARMUP = 260;
    private static final long SEED = 11;
    private static final long DAY = 86_400_000L;

    /** The live book on the simulated venue, and the shadows it feeds. */
    private static final class Rig {
        final long start = FundingModel.nextFundingTime(1_767_225_600_000L) + Candle.INTERVAL_MILLIS;
        final SimulatedVenue venue;
        final InnerLoop loop;
        final ShadowBooks books;
        final List<String> retired = new ArrayList<>();

        Rig(Params live, Params baseline, ShadowBooks.Settings settings) throws Exception {
            LinkedHashSet<String> symbols = new LinkedHashSet<>();
            SyntheticMarket.DEFAULT_SPECS.forEach(s -> symbols.add(s.instrument().symbol()));
            Limits limits = Limits.hard(symbols);
            venue = SimulatedVenue.open(SEED, SyntheticMarket.DEFAULT_SPECS, 100_000, start, StateStore.inMemory());
            QuietListener quiet = new QuietListener(EngineListener.NONE);
            InnerLoop.Outbox outbox = new InnerLoop.Outbox();
            Engine engine = new Engine(Specs.of(venue.instruments()), limits, live, outbox, quiet, venue::equity);
            loop = new InnerLoop(venue, venue, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000),
                    new NoTradeRecorder(), quiet, new AccountCache(), 60_000);
            outbox.bind(loop);
            books = new ShadowBooks(venue.instruments(), limits, baseline, settings,
                    (t, name, version, figures, flags) -> retired.add(name));
            loop.shadowTo(books::offer);
            loop.start(WARMUP, List.of());
        }
    }

    @Test
    void aBaselineShadowWithTheLiveParamsFillsExactlyAsTheLiveBook() throws Exception {
        Rig rig = new Rig(params(1, 20), params(1, 20), ShadowBooks.Settings.DEFAULT);
        for (long t = rig.start; t < rig.start + DAY; t += 1_000) {
            rig.loop.step(t);
            rig.books.drain();
        }
        List<Fill> live = rig.venue.fills(Long.MIN_VALUE, Long.MAX_VALUE);
        ShadowBook baseline = rig.books.activeBooks().get(0);
        assertThat(live).hasSizeGreaterThan(10);
        assertThat(baseline.fills()).isEqualTo(live);
        assertThat(baseline.equity()).isCloseTo(rig.venue.equity(), within(1e-6));
        assertThat(rig.books.missedSteps()).isZero();
        assertThat(rig.books.scorecard().shadows().get(0).flags()).isEmpty();
    }

    @Test
    @Timeout(30)
    void theInnerLoopNeverWaitsForAStalledShadowThread() throws Exception {
        Rig rig = new Rig(params(1, 20), params(1, 20), new ShadowBooks.Settings(4, 72 * 3_600_000L, 20, 8, 260));
        CountDownLatch stalled = new CountDownLatch(1);
        Thread shadow = new Thread(() -> {
            try {
                stalled.await(); // the shadow thread is stuck: nothing drains the queue
                rig.books.drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        shadow.start();
        int steps = 2_000;
        for (int i = 0; i < steps; i++) {
            rig.loop.step(rig.start + i * 1_000L);
        }
        assertThat(rig.books.missedSteps()).isEqualTo(steps - 8);
        stalled.countDown();
        shadow.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(shadow.isAlive()).isFalse();
        assertThat(rig.books.scorecard().missedSteps()).isEqualTo(steps - 8);
        rig.loop.step(rig.start + steps * 1_000L); // the first step the shadows see after the gap
        rig.books.drain();
        assertThat(rig.books.scorecard().shadows().get(0).flags()).containsExactly("missed_ticks from "
                + java.time.Instant.ofEpochMilli(rig.start + 7 * 1_000L) + " to "
                + java.time.Instant.ofEpochMilli(rig.start + steps * 1_000L));
    }

    @Test
    void anAcceptedChangeStartsAnIncumbentShadowWhoseFillsGiveTheScorecardsFigures() throws Exception {
        Params before = params(1, 20);
        Params after = params(2, 50);
        Rig rig = new Rig(before, before, new ShadowBooks.Settings(4, 72 * 3_600_000L, 1, 16, 260));
        long change = rig.start + DAY / 2;
        for (long t = rig.start; t < change; t += 1_000) {
            rig.loop.step(t);
            rig.books.drain();
        }
        rig.loop.post(e -> e.swapParams(after)); // installed between two steps (the test drives time itself)
        rig.loop.drainInbox();
        long end = rig.start + 2 * DAY; // a bar's close: the scorecard is rebuilt there, with the books as they are
        for (long t = change; t <= end; t += 1_000) {
            rig.loop.step(t);
            rig.books.drain();
        }

        Scorecard card = rig.books.scorecard();
        assertThat(card.asOf()).isEqualTo(end);
        assertThat(card.missedSteps()).isZero();
        List<ShadowBook> books = rig.books.activeBooks();
        assertThat(books).extracting(ShadowBook::name).containsExactly("baseline", "incumbent v1", "live-params v2");
        ShadowBook incumbent = books.get(1);
        assertThat(incumbent.params()).isEqualTo(before);
        assertThat(books.get(0).params()).isEqualTo(before); // the baseline never takes the live change
        assertThat(card.changes()).hasSize(1);
        Scorecard.Change c = card.changes().get(0);
        assertThat(c.fromVersion()).isEqualTo(1);
        assertThat(c.toVersion()).isEqualTo(2);
        assertThat(c.open()).isTrue();
        assertThat(c.at()).isEqualTo(change);
        assertThat(incumbent.since()).isEqualTo(change);

        BookFigures inc = c.strategyEffect().other();
        assertThat(incumbent.fills()).isNotEmpty();
        double realized = incumbent.fills().stream().mapToDouble(Fill::realizedPnl).sum();
        double fees = incumbent.fills().stream().mapToDouble(Fill::fee).sum();
        double unrealized = incumbent.positions().stream().mapToDouble(Position::unrealizedPnl).sum();
        // it started with the live equity and positions: its P&L is what its fills, funding and marks added since
        assertThat(inc.netPnl()).isCloseTo(realized - fees - incumbent.funding() + unrealized
                - incumbent.startUnrealized(), within(1e-6));
        assertThat(inc.trades()).isEqualTo(closedTrades(incumbent.fills(), incumbent.startPositions()));
        assertThat(c.strategyEffect().netPnlDiff())
                .isCloseTo(c.strategyEffect().live().netPnl() - inc.netPnl(), within(1e-9));
        int liveTrades = closedTrades(rig.venue.fills(c.at(), Long.MAX_VALUE), incumbent.startPositions());
        assertThat(c.strategyEffect().live().trades()).isEqualTo(liveTrades);
        assertThat(c.strategyEffect().verdict()).isNotEqualTo(Scorecard.INSUFFICIENT);
        assertThat(c.vsBaseline().against()).isEqualTo("baseline");
    }

    /** Round trips closed in {@code fills} from {@code start} positions: flat again or flipped. */
    private static int closedTrades(List<Fill> fills, Map<String, Double> start) {
        Map<String, Double> pos = new HashMap<>(start);
        int closed = 0;
        for (Fill f : fills) {
            double before = pos.getOrDefault(f.symbol(), 0.0);
            double after = before + f.side().sign() * f.qty();
            if (Math.abs(after) < 1e-10) {
                after = 0;
            }
            if (before != 0 && (after == 0 || Math.signum(after) != Math.signum(before))) {
                closed++;
            }
            pos.put(f.symbol(), after);
        }
        return closed;
    }

    private static Params params(long version, int lookback) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            symbols.put(s.instrument().symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(version, 2.0, 1.5, 4.0, lookback, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "shadow",
                Instant.EPOCH);
    }
}
