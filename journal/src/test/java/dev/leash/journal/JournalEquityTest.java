package dev.leash.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class JournalEquityTest {

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
    void roundTripsPointsOldestFirstWithinInclusiveBounds() {
        journal.recordEquity(3_000, 1_030, 1_000, 30);
        journal.recordEquity(1_000, 1_010, 1_000, 10);
        journal.recordEquity(2_000, 1_020, 1_000, Double.NaN);
        journal.recordEquity(4_000, 1_040, 1_000, 40);

        assertThat(journal.equityCurve(1_000, 3_000, 10)).containsExactly(
                new EquityPoint(1_000, 1_010, 1_000, 10),
                new EquityPoint(2_000, 1_020, 1_000, Double.NaN),
                new EquityPoint(3_000, 1_030, 1_000, 30));
    }

    @Test
    void replacesThePointOfARecordedTime() {
        journal.recordEquity(1_000, 1_010, 1_000, 10);
        journal.recordEquity(1_000, 1_011, 1_000, 11);

        assertThat(journal.equityCurve(0, 2_000, 10)).containsExactly(new EquityPoint(1_000, 1_011, 1_000, 11));
    }

    @Test
    void downsamplesEvenlyKeepingFirstAndLast() {
        for (int i = 0; i < 101; i++) {
            journal.recordEquity(i * 1_000L, 1_000 + i, 1_000, i);
        }

        assertThat(journal.equityCurve(0, 100_000, 5)).extracting(EquityPoint::time)
                .containsExactly(0L, 25_000L, 50_000L, 75_000L, 100_000L);
        assertThat(journal.equityCurve(0, 100_000, 1)).extracting(EquityPoint::time).containsExactly(100_000L);
        assertThat(journal.equityCurve(0, 100_000, 2)).extracting(EquityPoint::time)
                .containsExactly(0L, 100_000L);
        assertThat(journal.equityCurve(0, 100_000, 100)).hasSize(100).doesNotHaveDuplicates()
                .isSortedAccordingTo((a, b) -> Long.compare(a.time(), b.time()));
        assertThat(journal.equityCurve(10_000, 19_000, 100)).hasSize(10);
    }

    @Test
    void refusesANonPositiveMaxPoints() {
        assertThatThrownBy(() -> journal.equityCurve(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
