package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.StateCause;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalOptions;
import dev.leash.journal.OrderRecord;
import dev.leash.risk.Limits;
import dev.leash.risk.TradingState;
import dev.leash.testsupport.EmbeddedPostgresServer;
import dev.leash.venue.Fill;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import static dev.leash.gateway.loop.SimulatedLoopFixtures.params;
import static dev.leash.gateway.loop.SimulatedLoopFixtures.symbols;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inner loop over a journal in a real PostgreSQL server that is stopped mid-run and started again: the loop steps
 * on, no order opening exposure is sent while its record cannot be made durable, trading goes REDUCE_ONLY once the
 * writes kept in memory reach their bound, and when the server returns every kept write lands and trading resumes.
 */
@Timeout(180)
class JournalOutageTest {

    private static final long START = 1_767_225_600_000L;
    private static final int BOUND = 20;
    private static final Duration WALL_LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private SimulatedVenue sim;
    private Engine engine;
    private InnerLoop loop;
    private long t = START;
    private final List<String> stepFailures = new ArrayList<>();

    @Test
    void aStoppedDatabaseHoldsTradingReduceOnlyLosesNoOrderRecordAndTradingResumesWhenItReturns() throws Exception {
        Path data = dir.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        int port = server.port();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        JournalOptions options = new JournalOptions(db.user(), db.password(), 4, Duration.ofMillis(250),
                Duration.ofSeconds(5), Duration.ofMillis(50));
        try (Journal journal = Journal.open(db.url(), options)) {
            start(journal);
            stepUntil(() -> !sim.fills(Long.MIN_VALUE, Long.MAX_VALUE).isEmpty());
            int fillsBefore = sim.fills(Long.MIN_VALUE, Long.MAX_VALUE).size();

            server.close();
            long stoppedAt = t;
            stepUntil(() -> engine.state() == TradingState.REDUCE_ONLY);

            assertThat(engine.status().causes()).extracting(StateCause::cause).contains(JournalGuard.CAUSE);
            assertThat(loop.orderPathHealth().journalOk()).isFalse();
            assertThat(loop.orderPathHealth().queuedWrites()).isGreaterThanOrEqualTo(BOUND);
            for (int i = 0; i < 600; i++) {
                step();
            }
            assertThat(engine.state()).as("held while the database is away").isEqualTo(TradingState.REDUCE_ONLY);

            server = EmbeddedPostgresServer.start(data, port);
            long restartedAt = t;
            stepUntil(() -> loop.orderPathHealth().journalOk() && engine.state() == TradingState.ACTIVE);

            assertThat(loop.orderPathHealth().queuedWrites()).isZero();
            List<Fill> venueFills = sim.fills(Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).extracting(Fill::fillId)
                    .as("every fill the venue made is journaled").containsExactlyInAnyOrderElementsOf(
                            venueFills.stream().map(Fill::fillId).toList());
            for (Fill f : venueFills.subList(fillsBefore, venueFills.size())) {
                OrderRecord o = journal.order(f.clientOrderId()).orElseThrow();
                // an order sent before the outage may fill during it, at the venue's next price
                if (f.time() > stoppedAt && f.time() <= restartedAt && o.createdAt() > stoppedAt) {
                    assertThat(o.reduceOnly()).as("order %s sent and filled during the outage only reduces risk", o)
                            .isTrue();
                }
            }
            assertThat(journal.decisions(null, 1)).singleElement()
                    .satisfies(d -> assertThat(d.time()).isGreaterThan(stoppedAt));
            assertThat(stepFailures).isEmpty();
        } finally {
            server.close();
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
        loop.journalGuard().reduceOnlyAt(BOUND);
        loop.start(260, List.of());
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

    /** Steps until {@code done}, within 3 simulated days and a minute of wall time. */
    private void stepUntil(BooleanSupplier done) {
        long deadline = t + 3 * 86_400_000L;
        long wallDeadline = System.nanoTime() + WALL_LIMIT.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(t).as("nothing happened within 3 simulated days").isLessThan(deadline);
            assertThat(System.nanoTime() - wallDeadline).as("nothing happened within a minute").isNegative();
            step();
        }
    }
}
