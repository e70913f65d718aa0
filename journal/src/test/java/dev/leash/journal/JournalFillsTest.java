package dev.leash.journal;

import dev.leash.venue.Fill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static dev.leash.journal.Fixtures.fill;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalFillsTest {

    @Parameter
    Backend backend;

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
    void roundTripsAFill() {
        Fill f = fill("f1", "BTCUSDT", 1_000);

        assertThat(journal.recordFill(f, 3)).isTrue();

        assertThat(journal.fills(null, 0, 10)).containsExactly(f);
        assertThat(journal.fillsBetween(0, 2_000)).containsExactly(f);
    }

    @Test
    void recordsFillOnceWhenReplayed() throws Exception {
        assertThat(journal.recordFill(fill("f1", "BTCUSDT", 1_000), 3)).isTrue();
        assertThat(journal.recordFill(fill("f1", "BTCUSDT", 1_000), 3)).isFalse();

        assertThat(store().query("SELECT COUNT(*) FROM fills")).isEqualTo(1);
    }

    @Test
    void listsNewestFirstSinceATimeAndBySymbol() {
        journal.recordFill(fill("a", "BTCUSDT", 1_000), 1);
        journal.recordFill(fill("b", "ETHUSDT", 2_000), 1);
        journal.recordFill(fill("c", "BTCUSDT", 3_000), 1);
        journal.recordFill(fill("d", "BTCUSDT", 4_000), 1);

        assertThat(journal.fills(null, 0, 10)).extracting(Fill::fillId).containsExactly("d", "c", "b", "a");
        assertThat(journal.fills("BTCUSDT", 0, 2)).extracting(Fill::fillId).containsExactly("d", "c");
        assertThat(journal.fills(null, 2_000, 10)).extracting(Fill::fillId).containsExactly("d", "c", "b");
        assertThat(journal.fills("ETHUSDT", 3_000, 10)).isEmpty();
    }

    @Test
    void listsOldestFirstBetweenInclusiveBounds() {
        journal.recordFill(fill("d", "BTCUSDT", 4_000), 1);
        journal.recordFill(fill("a", "BTCUSDT", 1_000), 1);
        journal.recordFill(fill("c", "ETHUSDT", 3_000), 1);
        journal.recordFill(fill("b", "BTCUSDT", 2_000), 1);

        assertThat(journal.fillsBetween(2_000, 4_000)).extracting(Fill::fillId).containsExactly("b", "c", "d");
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
