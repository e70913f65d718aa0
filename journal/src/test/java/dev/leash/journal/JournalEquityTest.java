package dev.leash.journal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalEquityTest {

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

    @Test
    void firstEquityOfAWindowIsTheCurvesFirstPointReadWithoutTheDatabase() {
        long day = 86_400_000L;
        journal.recordEquity(5 * day, 1_050, 1_000, 50);
        journal.recordEquity(2 * day, 1_020, 1_000, 20);
        journal.recordEquity(3 * day + 1, 1_031, 1_000, 31);
        journal.recordEquity(4 * day, 1_040, 1_000, 40);
        journal.recordEquity(4 * day, 1_041, 1_000, 41);
        long[][] windows = {{4 * day, 5 * day}, {3 * day, 4 * day}, {3 * day + 1, 3 * day + 1}, {3 * day + 2, 4 * day - 1},
                {5 * day + 1, 6 * day}, {4 * day + 1, 5 * day - 1}};
        double[] expected = new double[windows.length];
        for (int i = 0; i < windows.length; i++) {
            var curve = journal.equityCurve(windows[i][0], windows[i][1], 2);
            expected[i] = curve.isEmpty() ? Double.NaN : curve.get(0).equity();
        }

        journal.close();

        for (int i = 0; i < windows.length; i++) {
            assertThat(Double.valueOf(journal.firstEquity(windows[i][0], windows[i][1]))).as("window %d", i)
                    .isEqualTo(Double.valueOf(expected[i]));
        }
        assertThat(expected).containsExactly(1_041, 1_031, 1_031, Double.NaN, Double.NaN, Double.NaN);
    }

    @Test
    void firstEquityKnowsTheLastTwoDaysOfAReopenedJournal() {
        long day = 86_400_000L;
        journal.recordEquity(day, 1_010, 1_000, 10);
        journal.recordEquity(2 * day, 1_020, 1_000, 20);
        journal.recordEquity(3 * day, 1_030, 1_000, 30);
        journal.close();

        journal = store().open();

        assertThat(journal.firstEquity(2 * day, 3 * day)).isEqualTo(1_020);
        assertThat(journal.firstEquity(day, 3 * day)).isEqualTo(1_010);
        journal.recordEquity(3 * day + 1, 1_031, 1_000, 31);
        assertThat(journal.firstEquity(3 * day + 1, 4 * day)).isEqualTo(1_031);
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
