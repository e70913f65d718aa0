package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.Signals;
import dev.leash.engine.StateChange;
import dev.leash.venue.Position;
import dev.leash.risk.OrderReject;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;

import static dev.leash.journal.Fixtures.decision;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalRecordsTest {

    @Parameter
    Backend backend;

    private static final double NAN = Double.NaN;

    @TempDir
    Path dir;

    private Store store;

    private Journal journal;

    @BeforeEach
    void open() {
        journal = store().open();
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void roundTripsADecisionWithAllSignals() {
        Decision d = decision(1_000, "BTCUSDT", Action.ENTER_LONG);

        journal.recordDecision(d);

        assertThat(journal.decisions(null, 10)).containsExactly(d);
    }

    @Test
    void roundTripsNanSignals() {
        Signals warmingUp = new Signals(50_000, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN);
        Decision skip = new Decision(1_000, "BTCUSDT", Action.SKIP, "not enough bars", warmingUp, 1);

        journal.recordDecision(skip);

        Signals read = journal.decisions("BTCUSDT", 1).get(0).signals();
        assertThat(read).isEqualTo(warmingUp);
        assertThat(read.rsi()).isNaN();
        assertThat(read.price()).isEqualTo(50_000);
    }

    @Test
    void readsMissingSignalsBackAsNan() {
        journal.recordDecision(new Decision(1_000, "BTCUSDT", Action.FLATTEN, "daily loss", null, 1));

        Signals read = journal.decisions(null, 1).get(0).signals();
        assertThat(read.price()).isNaN();
        assertThat(read.realizedVolatility()).isNaN();
    }

    @Test
    void listsDecisionsNewestFirstAndSinceOldestFirst() {
        Decision a = decision(1_000, "BTCUSDT", Action.HOLD);
        Decision b = decision(2_000, "ETHUSDT", Action.SKIP);
        Decision c = decision(3_000, "BTCUSDT", Action.ENTER_SHORT);
        Decision sameTime = decision(3_000, "BTCUSDT", Action.STOP_LOSS);
        for (Decision d : List.of(a, b, c, sameTime)) {
            journal.recordDecision(d);
        }

        assertThat(journal.decisions(null, 3)).containsExactly(sameTime, c, b);
        assertThat(journal.decisions("BTCUSDT", 10)).containsExactly(sameTime, c, a);
        assertThat(journal.decisionsSince(2_000)).containsExactly(b, c, sameTime);
    }

    @Test
    void roundTripsRiskRejectionsNewestFirst() {
        RiskRejection older = new RiskRejection(1_000, "BTCUSDT", 0.5, 50_000, OrderReject.POSITION_LIMIT, 2);
        RiskRejection newer = new RiskRejection(2_000, "ETHUSDT", -3, NAN, OrderReject.HALTED, 2);

        journal.recordRiskRejection(older);
        journal.recordRiskRejection(newer);

        assertThat(journal.riskRejections(10)).containsExactly(newer, older);
        assertThat(journal.riskRejections(1)).containsExactly(newer);
    }

    @Test
    void recordsEventsAndStateChangesByKind() {
        journal.recordEvent(1_000, JournalEvent.PARAMS, "reloaded v5");
        journal.recordStateChange(new StateChange(2_000, TradingState.ACTIVE, TradingState.REDUCE_ONLY,
                "breaker open"));
        journal.recordEvent(3_000, JournalEvent.RECONCILE, "venue has 0.1 BTCUSDT more");

        assertThat(journal.events(null, 10)).containsExactly(
                new JournalEvent(3_000, "reconcile", "venue has 0.1 BTCUSDT more"),
                new JournalEvent(2_000, "state", "ACTIVE -> REDUCE_ONLY: breaker open"),
                new JournalEvent(1_000, "params", "reloaded v5"));
        assertThat(journal.events("state", 10)).extracting(JournalEvent::time).containsExactly(2_000L);
    }

    @Test
    void returnsTheLatestPositionsSnapshot() {
        assertThat(journal.latestPositions()).isEmpty();
        journal.recordPositions(1_000, List.of(new Position("BTCUSDT", 0.5, 50_000, 50_100, 50)));
        journal.recordPositions(2_000, List.of(new Position("SOLUSDT", -10, 150, 149, 10),
                new Position("ETHUSDT", 2, 3_000, NAN, NAN)));

        PositionSnapshot latest = journal.latestPositions().orElseThrow();

        assertThat(latest.time()).isEqualTo(2_000);
        assertThat(latest.positions()).containsExactly(new Position("ETHUSDT", 2, 3_000, NAN, NAN),
                new Position("SOLUSDT", -10, 150, 149, 10));
    }

    @Test
    void recordsBeingFlatAsAnEmptySnapshot() {
        journal.recordPositions(1_000, List.of(new Position("BTCUSDT", 0.5, 50_000, 50_100, 50)));
        journal.recordPositions(2_000, List.of());

        assertThat(journal.latestPositions()).contains(new PositionSnapshot(2_000, List.of()));
    }

    @Test
    void replacesStateValues() {
        assertThat(journal.getState("paper.account")).isEmpty();
        journal.putState("paper.account", "{\"wallet\":1000}");
        journal.putState("paper.account", "{\"wallet\":990}");

        assertThat(journal.getState("paper.account")).contains("{\"wallet\":990}");
    }

    @Test
    void keepsEverythingAcrossCloseAndReopen() {
        journal.recordOrder(Fixtures.intent("c1", "BTCUSDT", 1, 1_000), "NEW", "v1", null, 1_000);
        journal.recordFill(Fixtures.fill("f1", "BTCUSDT", 1_100), 1);
        journal.recordDecision(decision(1_000, "BTCUSDT", Action.ENTER_LONG));
        journal.recordRiskRejection(new RiskRejection(1_000, "BTCUSDT", 1, 1, OrderReject.RATE_LIMIT, 1));
        journal.recordEvent(1_000, JournalEvent.FAULT, "timeout");
        journal.recordEquity(1_000, 1_000, 990, 10);
        journal.recordPositions(1_000, List.of(new Position("BTCUSDT", 1, 50_000, 50_010, 10)));
        journal.putState("sim.clock", "1000");
        journal.close();

        journal = store().open();

        assertThat(journal.orders(null, false, 10)).hasSize(1);
        assertThat(journal.fills(null, 0, 10)).hasSize(1);
        assertThat(journal.decisions(null, 10)).hasSize(1);
        assertThat(journal.riskRejections(10)).hasSize(1);
        assertThat(journal.events(null, 10)).hasSize(1);
        assertThat(journal.equityCurve(0, 2_000, 10)).hasSize(1);
        assertThat(journal.latestPositions()).isPresent();
        assertThat(journal.getState("sim.clock")).contains("1000");
    }

    @Test
    void continuesIdsAfterReopen() {
        journal.recordEvent(1_000, "a", "first");
        journal.close();
        journal = store().open();

        journal.recordEvent(1_000, "b", "second");

        assertThat(journal.events(null, 10)).extracting(JournalEvent::message).containsExactly("second", "first");
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
