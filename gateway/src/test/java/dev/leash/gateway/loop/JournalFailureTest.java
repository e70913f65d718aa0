package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.engine.SymbolHold;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
import dev.leash.journal.JournalException;
import dev.leash.journal.OrderRecord;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.sim.TickPath;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.risk.Limits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.leash.gateway.loop.SimulatedLoopFixtures.params;
import static dev.leash.gateway.loop.SimulatedLoopFixtures.symbols;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journal fails at one write point of the order path and stays down for a while, on the simulated venue (which
 * fills a market order at the next tick-path point, at most 75 one-second steps later). Whatever the point, the engine ends up knowing the venue's position with its entry, so its stop
 * guards it, the symbol is held reduce-only and reported until the writes caught up and the venue reconciled, and
 * then the journal holds what happened.
 */
@Timeout(120)
class JournalFailureTest {

    private static final long START = 1_767_225_600_000L;
    private static final double STOP_PCT = 0.5;
    private static final int DOWN_STEPS = 30;
    /** One-second steps from an order to the next tick-path point, where the simulated venue fills it. */
    private static final int NEXT_POINT_STEPS = (int) (TickPath.STEP_MILLIS / 1_000);

    /** Where the journal breaks. */
    enum Point { ENTRY_SENDING, ENTRY_ACK, ENTRY_FILL, STOP_SENDING }

    @TempDir
    Path dir;

    private Journal journal;
    private FailingJournal failing;
    private SimulatedVenue sim;
    private Engine engine;
    private InnerLoop loop;
    private long t = START;
    private final List<String> stepFailures = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START, StateStore.inMemory());
        journal = Journal.open(Journal.sqliteUrl(dir));
        failing = new FailingJournal(new JournalRecorder(journal));
        QuietListener quiet = new QuietListener(failing);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        engine = new Engine(Specs.of(sim.instruments()), Limits.hard(symbols()),
                params(STOP_PCT, 20, "journal"), outbox, quiet, sim::equity);
        loop = new InnerLoop(sim, engine, Pacer.simulated(() -> 0L, START, 1.0, 1_000), failing, quiet);
        outbox.bind(loop);
        loop.start(260, List.of());
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @ParameterizedTest
    @EnumSource(Point.class)
    void aJournalFailureNeverLeavesTheVenuesPositionUnguarded(Point point) {
        if (point == Point.STOP_SENDING) {
            stepUntil(() -> openSymbol() >= 0);
            int sym = openSymbol();
            failing.arm(point, engine.symbols().get(sym));
            double dir = Math.signum(engine.position(sym));
            engine.onTick(sym, engine.entryPrice(sym) * (1 - dir * (STOP_PCT + 0.1) / 100), t); // through the stop
            step();
        } else {
            failing.arm(point, null);
            stepUntil(() -> failing.down);
        }
        String symbol = failing.symbol;
        int sym = engine.indexOf(symbol);
        step();

        // While the journal is down: the engine knows the venue's position, the symbol is held and reported.
        assertThat(failing.down).isTrue();
        assertGuarded(sym);
        assertThat(engine.symbolHeld(sym, SymbolHold.UNRECONCILED)).isTrue();
        OrderPathHealth down = loop.orderPathHealth();
        assertThat(down.journalOk()).isFalse();
        assertThat(down.lastError()).contains("disk I/O error");
        assertThat(down.holds()).anySatisfy(h -> {
            assertThat(h.symbol()).isEqualTo(symbol);
            assertThat(h.cause()).isEqualTo("unreconciled");
            assertThat(h.detail()).startsWith("journal write failed: ");
            assertThat(h.since()).isLessThanOrEqualTo(t);
        });

        for (int i = 0; i < DOWN_STEPS; i++) {
            step();
        }
        failing.heal();
        for (int i = 0; i < 3 + NEXT_POINT_STEPS; i++) { // caught up, and any order sent meanwhile met its next price
            step();
        }

        // Back up: caught up, reconciled, released, and the journal tells the story.
        assertGuarded(sym);
        assertThat(engine.pendingOrder(sym)).isNull();
        assertThat(engine.symbolHeld(sym, SymbolHold.UNRECONCILED)).isFalse();
        OrderPathHealth up = loop.orderPathHealth();
        assertThat(up.journalOk()).isTrue();
        assertThat(up.holds()).isEmpty();
        assertThat(up.lastResolved()).satisfies(h -> { // another symbol's fill met the outage too: it may be last
            assertThat(h.symbol()).isIn(engine.symbols());
            assertThat(h.detail()).startsWith("journal write failed: ");
            assertThat(h.since()).isLessThan(up.lastResolvedAt());
        });
        assertThat(journal.events("order_path", 20)).extracting(JournalEvent::message)
                .anyMatch(m -> m.startsWith(symbol + " held reduce-only: journal write failed"))
                .anyMatch(m -> m.startsWith(symbol + " reconciled with the venue"));
        OrderRecord order = journal.order(failing.clientOrderId).orElseThrow();
        assertThat(order.status()).isEqualTo(point == Point.ENTRY_SENDING ? "REJECTED" : "FILLED");
        List<Fill> venueFills = sim.fills(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).extracting(Fill::fillId)
                .containsExactlyInAnyOrderElementsOf(venueFills.stream().map(Fill::fillId).toList());

        // The stop still guards whatever is open: a price through it closes the venue's position.
        if (engine.position(sym) != 0) {
            double dir = Math.signum(engine.position(sym));
            engine.onTick(sym, engine.entryPrice(sym) * (1 - dir * (STOP_PCT + 0.1) / 100), t);
            for (int i = 0; i <= NEXT_POINT_STEPS && engine.pendingOrder(sym) != null; i++) {
                step(); // the stop fills at the next tick-path point
            }
            assertThat(venueQty(symbol)).isZero();
            assertGuarded(sym);
        }
        assertThat(stepFailures).isEmpty();
    }

    /** The engine holds exactly the venue's position, at the venue's entry price (so its stop is the right one). */
    private void assertGuarded(int sym) {
        String symbol = engine.symbols().get(sym);
        assertThat(engine.position(sym)).as("engine position of %s", symbol).isEqualTo(venueQty(symbol));
        if (venueQty(symbol) != 0) {
            double entry = sim.positions().stream().filter(p -> p.symbol().equals(symbol)).findFirst()
                    .orElseThrow().entryPrice();
            assertThat(engine.entryPrice(sym)).isCloseTo(entry, org.assertj.core.data.Percentage.withPercentage(1e-9));
        }
    }

    private double venueQty(String symbol) {
        return sim.positions().stream().filter(p -> p.symbol().equals(symbol)).mapToDouble(Position::qty).sum();
    }

    private int openSymbol() {
        for (int i = 0; i < engine.symbols().size(); i++) {
            if (engine.position(i) != 0 && engine.pendingOrder(i) == null) {
                return i;
            }
        }
        return -1;
    }

    /** One step, its failure caught and counted as {@link InnerLoop#run} does. */
    private void step() {
        t += 1_000;
        sim.advanceTo(t);
        try {
            loop.step(t);
        } catch (RuntimeException e) {
            stepFailures.add(e.toString());
        }
    }

    private void stepUntil(java.util.function.BooleanSupplier done) {
        long deadline = t + 3 * 86_400_000L;
        while (!done.getAsBoolean()) {
            assertThat(t).as("nothing happened within 3 simulated days").isLessThan(deadline);
            step();
        }
    }



    /** The real journal, which goes down at the armed write point and stays down until healed. */
    private static final class FailingJournal implements TradeRecorder, EngineListener {
        private final JournalRecorder journal;
        private Point point;
        private String onlySymbol;
        boolean down;
        String symbol;
        String clientOrderId;

        FailingJournal(JournalRecorder journal) {
            this.journal = journal;
        }

        void arm(Point p, String symbolOrNull) {
            point = p;
            onlySymbol = symbolOrNull;
        }

        void heal() {
            down = false;
            point = null;
        }

        private void check(Point at, String sym, String id) {
            if (!down && at != null && at == point && (onlySymbol == null || onlySymbol.equals(sym))) {
                down = true;
                symbol = sym;
                clientOrderId = id;
            }
            if (down) {
                throw new JournalException("journal.db: disk I/O error");
            }
        }

        private static boolean entry(OrderIntent i) {
            return i.action() == Action.ENTER_LONG || i.action() == Action.ENTER_SHORT;
        }

        @Override
        public void orderSending(OrderIntent intent) {
            check(entry(intent) ? Point.ENTRY_SENDING : intent.action() == Action.STOP_LOSS ? Point.STOP_SENDING
                    : null, intent.symbol(), intent.clientOrderId());
            journal.orderSending(intent);
        }

        @Override
        public void orderPlaced(OrderIntent intent, PlaceResult result) {
            check(entry(intent) ? Point.ENTRY_ACK : null, intent.symbol(), intent.clientOrderId());
            journal.orderPlaced(intent, result);
        }

        @Override
        public void orderFailed(OrderIntent intent, String error) {
            check(null, intent.symbol(), intent.clientOrderId());
            journal.orderFailed(intent, error);
        }

        @Override
        public boolean fill(Fill fill, long paramsVersion) {
            check(Point.ENTRY_FILL, fill.symbol(), fill.clientOrderId());
            return journal.fill(fill, paramsVersion);
        }

        @Override
        public void equity(long time, Account account) {
            check(null, null, null);
            journal.equity(time, account);
        }

        @Override
        public void positions(long time, List<Position> positions) {
            check(null, null, null);
            journal.positions(time, positions);
        }

        @Override
        public void event(long time, String kind, String message) {
            check(null, null, null);
            journal.event(time, kind, message);
        }

        @Override
        public void paramsActive(long version, long tradingTime, long wallTime) {
            check(null, null, null);
            journal.paramsActive(version, tradingTime, wallTime);
        }

        @Override
        public void onDecision(Decision decision) {
            check(null, decision.symbol(), null);
            journal.onDecision(decision);
        }

        @Override
        public void onRiskRejection(RiskRejection rejection) {
            check(null, rejection.symbol(), null);
            journal.onRiskRejection(rejection);
        }

        @Override
        public void onStateChange(StateChange change) {
            check(null, null, null);
            journal.onStateChange(change);
        }
    }
}
