package dev.leash.journal;

import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.leash.journal.Fixtures.fill;
import static dev.leash.journal.Fixtures.intent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A paper account's state and the fills that changed it are journaled as one transaction. */
@Timeout(30)
class JournalStateWithFillsTest {

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
    void savesTheStateWithTheFillsOfJournaledOrdersCreditedToTheirOrdersVersion() {
        journal.recordOrder(intent("c-f1", "BTCUSDT", -0.25, 1_000), "SENDING", null, null, 1_000);
        Fill mine = fill("f1", "BTCUSDT", 1_000);
        Fill unknownOrder = fill("f2", "BTCUSDT", 1_001);

        List<Fill> fresh = journal.putStateWithFills("acct", "{\"v\":1}", List.of(mine, unknownOrder));

        assertThat(fresh).containsExactly(mine);
        assertThat(journal.getState("acct")).contains("{\"v\":1}");
        assertThat(journal.fillsBetween(Long.MIN_VALUE, Long.MAX_VALUE)).containsExactly(mine);
        assertThat(journal.fillAttribution("f1")).hasValueSatisfying(a -> assertThat(a.paramsVersion()).isEqualTo(7));
        assertThat(journal.recordFill(mine, 7)).as("the recorder finds it journaled").isFalse();
        assertThat(journal.putStateWithFills("acct", "{\"v\":2}", List.of(mine))).isEmpty();
        assertThat(journal.getState("acct")).contains("{\"v\":2}");
    }

    @Test
    void aFailedWriteLeavesNeitherTheStateNorAnyOfItsFills() {
        journal.putState("acct", "{\"v\":1}");
        journal.recordOrder(intent("c-f1", "BTCUSDT", -0.25, 1_000), "SENDING", null, null, 1_000);
        journal.recordOrder(intent("c-bad", "BTCUSDT", -0.25, 1_000), "SENDING", null, null, 1_000);
        Fill good = fill("f1", "BTCUSDT", 1_000);
        Fill bad = new Fill("bad", "c-bad", "v-bad", null, Side.SELL, 0.25, 1, 0, 0, 1_001, false); // no symbol

        assertThatThrownBy(() -> journal.putStateWithFills("acct", "{\"v\":2}", List.of(good, bad)))
                .isInstanceOf(JournalException.class);

        assertThat(journal.getState("acct")).contains("{\"v\":1}");
        assertThat(journal.fillsBetween(Long.MIN_VALUE, Long.MAX_VALUE)).isEmpty();
    }
}
