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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal keeps a decision's reason as its code and numbers, and still reads the text-only rows of old. */
@Timeout(30)
class JournalDecisionReasonTest {

    @TempDir
    Path dir;

    @Test
    void aCodedDecisionReadsBackWithItsCodeWantedActionSubjectAndNumbers() throws Exception {
        Decision skip = new Decision(1_000, "BTCUSDT", Action.SKIP, new Reason(ReasonCode.BELOW_MIN_SIZE,
                Map.of("qty", 0.1, "min_qty", 0.5, "min_notional", 5.0, "equity", 1_234.5678), Action.ENTER_LONG,
                null, null), Fixtures.signals(55), 3);
        Decision exit = new Decision(2_000, "BTCUSDT", Action.EXIT, new Reason(ReasonCode.OPPOSITE_BREAK,
                Map.of("price", 98.5), null, ReasonCode.TRADING_MODE, "reduce_only"), null, 3);

        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            journal.recordDecision(skip);
            journal.recordDecision(exit);

            assertThat(journal.decisions(null, 10)).extracting(Decision::why)
                    .containsExactly(exit.why(), skip.why());
        }
        assertThat(Fixtures.query(dir, "SELECT reason_code FROM decisions WHERE time_ms = 1000"))
                .isEqualTo("BELOW_MIN_SIZE");
        assertThat(Fixtures.query(dir, "SELECT reason_numbers FROM decisions WHERE time_ms = 1000"))
                .isEqualTo("equity=1234.5678;min_notional=5.0;min_qty=0.5;qty=0.1");
        assertThat(Fixtures.query(dir, "SELECT reason FROM decisions WHERE time_ms = 2000"))
                .isEqualTo("opposite break at 98.5; no reversal: trading_mode reduce_only");
    }

    @Test
    void aDecisionJournaledBeforeReasonsWereCodedStillReadsWithItsText() throws Exception {
        Files.createDirectories(dir.resolve("old"));
        try (Db db = Db.open(Journal.sqliteUrl(dir.resolve("old")))) {
            Migrations.migrate(db, Migrations.known().subList(0, 3), 0);
        }
        Fixtures.query(dir.resolve("old"), "INSERT INTO decisions (id, time_ms, symbol, action, reason,"
                + " params_version) VALUES (1, 1000, 'BTCUSDT', 'ENTER_LONG',"
                + " 'break of the 20-bar channel [99.0, 101.0] at 102.0', 2)");

        try (Journal upgraded = Journal.open(Journal.sqliteUrl(dir.resolve("old")))) {
            Decision d = upgraded.decisions("BTCUSDT", 1).get(0);

            assertThat(d.why().code()).isEqualTo(ReasonCode.TEXT);
            assertThat(DecisionText.of(d)).isEqualTo("break of the 20-bar channel [99.0, 101.0] at 102.0");
            assertThat(d.paramsVersion()).isEqualTo(2);
        }
    }
}
