package dev.leash.journal;

import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Shadow runs and their fills (V5): what the scorecard is recomputed from. */
@Timeout(30)
class JournalShadowTest {

    @TempDir
    Path dir;

    private Journal journal;

    @BeforeEach
    void open() {
        journal = Journal.open(Journal.sqliteUrl(dir));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void aShadowRunAndItsFillsSurviveReopeningTheJournal() {
        long run = journal.recordShadowStart("incumbent v3", "incumbent", 3, 4, 1_000, 100_000.0);
        journal.recordShadowFill(run, "incumbent v3", 3,
                new Fill("s1", "c1", "v1", "BTCUSDT", Side.SELL, 0.5, 40_000, 10.0, 0, 2_000, false), -0.5);
        journal.recordShadowFill(run, "incumbent v3", 3,
                new Fill("s2", "c2", "v2", "BTCUSDT", Side.BUY, 0.5, 39_000, 9.75, 500, 3_000, false), 0);
        journal.recordShadowRetired(run, 5_000);
        journal.recordShadowRetired(run, 9_000); // a run retires once
        journal.close();
        journal = Journal.open(Journal.sqliteUrl(dir));

        assertThat(journal.shadowRuns(0, Long.MAX_VALUE)).containsExactly(
                new ShadowRun(run, "incumbent v3", "incumbent", 3, 4, 1_000, 100_000.0, 5_000));
        assertThat(journal.shadowFills(run, 0, Long.MAX_VALUE)).containsExactly(
                new BookFill(run, 3, 2_000, "BTCUSDT", -0.5, 40_000, 10.0, 0, -0.5),
                new BookFill(run, 3, 3_000, "BTCUSDT", 0.5, 39_000, 9.75, 500, 0));
        assertThat(journal.shadowFills(run, 2_500, 9_000)).hasSize(1);
        assertThat(journal.shadowRuns(6_000, 7_000)).isEmpty();
    }

    @Test
    void anActiveRunHasNoRetirementTime() {
        long run = journal.recordShadowStart("baseline", "baseline", 1, 1, 0, 50_000.0);
        assertThat(journal.shadowRuns(10, 20)).singleElement()
                .satisfies(r -> assertThat(r.retired()).isEqualTo(ShadowRun.ACTIVE))
                .satisfies(r -> assertThat(r.id()).isEqualTo(run));
    }

    @Test
    void theLiveBookFillsCarryThePositionTheJournalCounted() {
        journal.recordFill(new Fill("f1", "c1", "v1", "ETHUSDT", Side.BUY, 2, 2_000, 1.0, 0, 1_000, false), 7);
        journal.recordFill(new Fill("f2", "c2", "v2", "ETHUSDT", Side.SELL, 3, 2_100, 1.5, 200, 2_000, false), 8);
        assertThat(journal.liveBookFills(0, 10_000)).containsExactly(
                new BookFill(0, 7, 1_000, "ETHUSDT", 2, 2_000, 1.0, 0, 2),
                new BookFill(0, 8, 2_000, "ETHUSDT", -3, 2_100, 1.5, 200, -1));
    }
}
