package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.StateCause;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalOptions;
import dev.leash.risk.Limits;
import dev.leash.risk.TradingState;
import dev.leash.testsupport.EmbeddedPostgresServer;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static dev.leash.gateway.loop.SimulatedLoopFixtures.params;
import static dev.leash.gateway.loop.SimulatedLoopFixtures.symbols;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inner loop of a gateway whose id another gateway took while its lock's session was cut: it goes REDUCE_ONLY at
 * once, says why in its health, and writes nothing into the other gateway's rows.
 */
@Timeout(120)
class JournalOwnershipLostTest {

    private static final long START = 1_767_225_600_000L;
    private static final Duration WALL_LIMIT = Duration.ofSeconds(60);

    private SimulatedVenue sim;
    private Engine engine;
    private InnerLoop loop;
    private long t = START;

    @Test
    void aGatewayWhoseIdWasTakenGoesReduceOnlyAndWritesNoMoreRows() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        JournalOptions options = new JournalOptions(db.user(), db.password(), 4, Duration.ofMillis(500),
                Duration.ofSeconds(5), Duration.ofMillis(50)).withGatewayId("taken-1");
        try (Journal journal = Journal.open(db.url(), options)) {
            start(journal);
            stepUntil(() -> !journal.decisions(null, 1).isEmpty());

            // the timeout waits for the backend to exit, so its lock is free before the next open (CI saw it held)

            server.admin("SELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l JOIN pg_stat_activity a"
                    + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.datname = '" + db.name() + "'");
            try (Journal other = Journal.open(db.url(), options)) {
                long decisionsOfTheOther = other.decisions(null, 1_000).size();
                stepUntil(() -> engine.state() == TradingState.REDUCE_ONLY);

                assertThat(engine.status().causes()).extracting(StateCause::cause).contains(JournalGuard.CAUSE);
                assertThat(loop.orderPathHealth().journalOk()).isFalse();
                assertThat(loop.orderPathHealth().lastError()).contains("was taken by another running gateway");
                for (int i = 0; i < 50; i++) {
                    step();
                }
                assertThat(engine.state()).isEqualTo(TradingState.REDUCE_ONLY);
                assertThat(other.decisions(null, 1_000)).as("no row of the first gateway lands in the other's")
                        .hasSize((int) decisionsOfTheOther);
            }
        }
    }

    private void start(Journal journal) throws Exception {
        sim = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START, StateStore.inMemory());
        JournalRecorder recorder = new JournalRecorder(journal);
        QuietListener quiet = new QuietListener(recorder);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        engine = new Engine(Specs.of(sim.instruments()), Limits.hard(symbols()),
                params(0.5, 20, "journal"), outbox, quiet, sim::equity);
        loop = new InnerLoop(sim, engine, Pacer.simulated(() -> 0L, START, 1.0, 1_000), recorder, quiet);
        outbox.bind(loop);
        loop.start(260, List.of());
    }

    private void step() {
        t += 1_000;
        sim.advanceTo(t);
        loop.step(t);
    }

    /** Steps until {@code done}, within a minute of wall time (the lock is checked once a second). */
    private void stepUntil(BooleanSupplier done) {
        long wallDeadline = System.nanoTime() + WALL_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime() - wallDeadline).as("nothing happened within a minute").isNegative();
            step();
        }
    }
}
