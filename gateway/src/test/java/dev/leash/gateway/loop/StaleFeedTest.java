package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.engine.Decision;
import dev.leash.engine.Engine;
import dev.leash.engine.SymbolHold;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Ticker;
import dev.leash.venue.VenueException;
import dev.leash.risk.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.leash.gateway.loop.SimulatedLoopFixtures.params;
import static dev.leash.gateway.loop.SimulatedLoopFixtures.symbols;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A symbol's market data stops arriving (the ticker call fails, or returns the same old quote): past the bound the
 * symbol alone is held reduce-only and health shows the lag; when fresh data returns it trades again. Both moves
 * are journaled.
 */
@Timeout(60)
class StaleFeedTest {

    private static final long START = 1_767_225_600_000L;
    private static final long BOUND = 30_000;

    @TempDir
    Path dir;

    private Journal journal;
    private SimulatedVenue sim;
    private Stalling venue;
    private Engine engine;
    private InnerLoop loop;
    private long t = START;

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START, StateStore.inMemory());
        venue = new Stalling(sim);
        journal = Journal.open(Journal.sqliteUrl(dir));
        JournalRecorder recorder = new JournalRecorder(journal);
        QuietListener quiet = new QuietListener(recorder);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        engine = new Engine(Specs.of(sim.instruments()), Limits.hard(symbols()),
                params(1.5, 20, "stale"), outbox, quiet, sim::equity);
        loop = new InnerLoop(venue, engine, Pacer.simulated(() -> 0L, START, 1.0, 1_000), recorder, quiet,
                new AccountCache(), BOUND);
        outbox.bind(loop);
        loop.start(260, List.of());
        steps(5);
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void aSymbolWhoseTickerFailsGoesReduceOnlyPastTheBoundAndBackWhenDataReturns() {
        int btc = engine.indexOf("BTCUSDT");
        venue.failing = "BTCUSDT";

        steps((int) (BOUND / 1_000));
        assertThat(engine.symbolHeld(btc, SymbolHold.STALE_FEED)).as("held at exactly the bound").isFalse();
        steps(1);

        assertThat(engine.symbolHeld(btc, SymbolHold.STALE_FEED)).isTrue();
        assertThat(engine.symbolHeld(engine.indexOf("ETHUSDT"), SymbolHold.STALE_FEED)).isFalse();
        FeedHealth stale = loop.feedHealth();
        assertThat(stale.staleAfterMillis()).isEqualTo(BOUND);
        assertThat(stale.lagMax()).isEqualTo(BOUND + 1_000);
        assertThat(stale.lagP50()).isZero(); // most samples are the healthy symbols'
        assertThat(stale.symbols()).filteredOn(FeedHealth.SymbolFeed::stale).singleElement().satisfies(s -> {
            assertThat(s.symbol()).isEqualTo("BTCUSDT");
            assertThat(s.ageMillis()).isEqualTo(BOUND + 1_000);
            assertThat(s.staleSince()).isEqualTo(t);
        });

        venue.failing = null;
        steps(1);

        assertThat(engine.symbolHeld(btc, SymbolHold.STALE_FEED)).isFalse();
        assertThat(loop.feedHealth().symbols()).noneMatch(FeedHealth.SymbolFeed::stale);
        assertThat(journal.events("feed", 10)).extracting(JournalEvent::message).containsExactly(
                "BTCUSDT market data fresh again (0 ms old); it may open positions again",
                "BTCUSDT held reduce-only: its newest market data is 31 s old (bound 30 s)");
    }

    @Test
    void aStaleQuoteOpensNothing() {
        int btc = engine.indexOf("BTCUSDT");
        venue.frozen = "BTCUSDT"; // the venue keeps answering with the quote of the next step
        steps((int) (BOUND / 1_000) + 2);
        assertThat(engine.symbolHeld(btc, SymbolHold.STALE_FEED)).isTrue();
        int ordersBefore = sim.fills(Long.MIN_VALUE, Long.MAX_VALUE).size();

        // The old quote breaks the channel: on fresh data an entry, on stale data nothing.
        double breakout = engine.signals(btc).channelHigh() * 1.001;
        venue.frozenPrice = breakout;
        steps(1);

        assertThat(engine.position(btc)).isZero();
        assertThat(sim.fills(Long.MIN_VALUE, Long.MAX_VALUE)).hasSize(ordersBefore);
        assertThat(journal.decisions("BTCUSDT", 1)).singleElement().extracting(Decision::reason).asString()
                .contains("held reduce-only (stale_feed)");
    }

    private void steps(int n) {
        for (int i = 0; i < n; i++) {
            t += 1_000;
            sim.advanceTo(t);
            loop.step(t);
        }
    }



    /** The simulated venue, whose ticker for one symbol may fail or stay frozen on an old quote. */
    private static final class Stalling extends ForwardingVenue {
        String failing;
        String frozen;
        double frozenPrice = Double.NaN;
        private Ticker last;

        Stalling(SimulatedVenue sim) {
            super(sim);
        }

        @Override
        public Ticker ticker(String symbol) throws VenueException {
            if (symbol.equals(failing)) {
                throw new VenueException("ticker " + symbol + ": timeout");
            }
            if (symbol.equals(frozen)) {
                if (last == null) {
                    last = super.ticker(symbol);
                }
                double price = Double.isNaN(frozenPrice) ? last.lastPrice() : frozenPrice;
                return new Ticker(symbol, last.time(), price, price, last.bid(), last.ask(), last.volume24h());
            }
            return super.ticker(symbol);
        }
    }
}
