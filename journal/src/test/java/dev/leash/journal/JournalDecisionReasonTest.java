package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.DecisionText;
import dev.leash.engine.Reason;
import dev.leash.engine.ReasonCode;
import dev.leash.journal.internal.Db;
import dev.leash.journal.internal.Migrations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal keeps a decision's reason as its code and numbers, and still reads the text-only rows of old. */
@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalDecisionReasonTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Store store;

    @Test
    void aCodedDecisionReadsBackWithItsCodeWantedActionSubjectAndNumbers() throws Exception {
        Decision skip = new Decision(1_000, "BTCUSDT", Action.SKIP, new Reason(ReasonCode.BELOW_MIN_SIZE,
                Map.of("qty", 0.1, "min_qty", 0.5, "min_notional", 5.0, "equity", 1_234.5678), Action.ENTER_LONG,
                null, null), Fixtures.signals(55), 3);
        Decision exit = new Decision(2_000, "BTCUSDT", Action.EXIT, new Reason(ReasonCode.OPPOSITE_BREAK,
                Map.of("price", 98.5), null, ReasonCode.TRADING_MODE, "reduce_only"), null, 3);

        try (Journal journal = store().open()) {
            journal.recordDecision(skip);
            journal.recordDecision(exit);

            assertThat(journal.decisions(null, 10)).extracting(Decision::why)
                    .containsExactly(exit.why(), skip.why());
        }
        assertThat(store().query("SELECT reason_code FROM decisions WHERE time_ms = 1000"))
                .isEqualTo("BELOW_MIN_SIZE");
        assertThat(store().query("SELECT reason_numbers FROM decisions WHERE time_ms = 1000"))
                .isEqualTo("equity=1234.5678;min_notional=5.0;min_qty=0.5;qty=0.1");
        assertThat(store().query("SELECT reason FROM decisions WHERE time_ms = 2000"))
                .isEqualTo("opposite break at 98.5; no reversal: trading_mode reduce_only");
    }

    @Test
    void aDecisionJournaledBeforeReasonsWereCodedStillReadsWithItsText() throws Exception {
        Store old = store().another();
        try (Db db = old.openDb()) {
            Migrations.migrate(db, Migrations.known().subList(0, 3), 0);
        }
        old.query("INSERT INTO decisions (id, time_ms, symbol, action, reason,"
                + " params_version) VALUES (1, 1000, 'BTCUSDT', 'ENTER_LONG',"
                + " 'break of the 20-bar channel [99.0, 101.0] at 102.0', 2)");

        try (Journal upgraded = old.open()) {
            Decision d = upgraded.decisions("BTCUSDT", 1).get(0);

            assertThat(d.why().code()).isEqualTo(ReasonCode.TEXT);
            assertThat(DecisionText.of(d)).isEqualTo("break of the 20-bar channel [99.0, 101.0] at 102.0");
            assertThat(d.paramsVersion()).isEqualTo(2);
        }
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
