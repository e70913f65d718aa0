package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.engine.OrderIntent;
import dev.leash.journal.internal.Db;
import dev.leash.journal.internal.Migrations;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A trade's P&L belongs to the parameter version that opened it; the closing version is recorded too. */
@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalAttributionTest {

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
    void aTradeOpenedUnderOneVersionAndClosedUnderTheNextIsCreditedToTheOpeningVersion() {
        journal.recordFill(fill("open", Side.BUY, 0.5, 1.0, 0, 1_000), 3);
        journal.recordFill(fill("close", Side.SELL, 0.5, 1.5, 40.0, 2_000), 4);

        Map<Long, FillStats> byVersion = journal.fillStatsByVersion();

        assertThat(byVersion).containsOnlyKeys(3L);
        assertThat(byVersion.get(3L)).isEqualTo(new FillStats(2, 1, 40.0, 2.5));
        assertThat(journal.fillAttribution("close")).get().satisfies(a -> {
            assertThat(a.paramsVersion()).isEqualTo(4);
            assertThat(a.openedByVersion()).isEqualTo(3);
            assertThat(a.closedQty()).isEqualTo(0.5);
            assertThat(a.positionAfter()).isZero();
        });
    }

    @Test
    void anAddUnderALaterVersionBelongsToTheTradeItAddsTo() {
        journal.recordFill(fill("open", Side.SELL, 1.0, 1.0, 0, 1_000), 3);
        journal.recordFill(fill("add", Side.SELL, 1.0, 1.0, 0, 2_000), 4);
        journal.recordFill(fill("close", Side.BUY, 2.0, 2.0, -30.0, 3_000), 5);

        assertThat(journal.fillStatsByVersion()).containsOnlyKeys(3L);
        assertThat(journal.fillStatsByVersion().get(3L).realizedPnl()).isEqualTo(-30.0);
    }

    @Test
    void aReversalClosesTheOldVersionsTradeAndOpensOneUnderItsOwn() {
        journal.recordFill(fill("open", Side.BUY, 1.0, 1.0, 0, 1_000), 3);
        journal.recordFill(fill("reverse", Side.SELL, 2.0, 2.0, 25.0, 2_000), 4);
        journal.recordFill(fill("close", Side.BUY, 1.0, 1.0, -5.0, 3_000), 4);

        Map<Long, FillStats> byVersion = journal.fillStatsByVersion();

        assertThat(byVersion.get(3L).realizedPnl()).isEqualTo(25.0);
        assertThat(byVersion.get(4L).realizedPnl()).isEqualTo(-5.0);
        assertThat(journal.fillAttribution("reverse")).get().satisfies(a -> {
            assertThat(a.openedByVersion()).isEqualTo(3);
            assertThat(a.positionAfter()).isEqualTo(-1.0);
        });
        assertThat(journal.fillAttribution("close")).get().extracting(FillAttribution::openedByVersion)
                .isEqualTo(4L);
        assertThat(journal.positionBefore("BTCUSDT", 1_000)).isZero();
        assertThat(journal.positionBefore("BTCUSDT", 3_000)).isEqualTo(-1.0);
        assertThat(journal.positionBefore("BTCUSDT", 3_001)).isZero();
    }

    @Test
    void fillsOfTheSameMillisecondCountInTheOrderTheyWereJournaled() {
        journal.recordFill(fill("m-open", Side.BUY, 1.0, 1.0, 0, 1_000), 3);
        journal.recordFill(fill("z-exit", Side.SELL, 1.0, 1.0, 5.0, 2_000), 3);
        journal.recordFill(fill("a-entry", Side.SELL, 1.0, 1.0, 0, 2_000), 4);

        assertThat(journal.fillAttribution("z-exit")).get().satisfies(a -> {
            assertThat(a.openedByVersion()).isEqualTo(3);
            assertThat(a.closedQty()).isEqualTo(1.0);
        });
        assertThat(journal.fillAttribution("a-entry")).get().satisfies(a -> {
            assertThat(a.openedByVersion()).isEqualTo(4);
            assertThat(a.closedQty()).isZero();
            assertThat(a.positionAfter()).isEqualTo(-1.0);
        });
    }

    @Test
    void aFillJournaledLateReattributesTheFillsAfterIt() {
        journal.recordFill(fill("close", Side.SELL, 0.5, 1.0, 12.0, 2_000), 4);
        journal.recordFill(fill("open", Side.BUY, 0.5, 1.0, 0, 1_000), 3); // the reconciler found it later

        assertThat(journal.fillStatsByVersion()).containsOnlyKeys(3L);
        assertThat(journal.fillAttribution("close")).get().satisfies(a -> {
            assertThat(a.openedByVersion()).isEqualTo(3);
            assertThat(a.closedQty()).isEqualTo(0.5);
            assertThat(a.positionAfter()).isZero();
        });
    }

    @Test
    void aReduceOnlyCloseOfAPositionTheJournalNeverSawOpenIsCreditedToItsOwnVersionAndLeavesItFlat() {
        journal.recordOrder(new OrderIntent(1_000, "lsh-BTCUSDT-1-0", "BTCUSDT", -0.5, 100, true, Action.STOP_LOSS, 6),
                "FILLED", "v1", null, 1_000);
        journal.recordFill(new Fill("stop", "lsh-BTCUSDT-1-0", "v1", "BTCUSDT", Side.SELL, 0.5, 100, 0.1, -8.0,
                1_000, false), 6);
        journal.recordFill(fill("next", Side.BUY, 0.2, 0.1, 0, 2_000), 7);

        assertThat(journal.fillAttribution("stop")).get().satisfies(a -> {
            assertThat(a.openedByVersion()).isEqualTo(6);
            assertThat(a.closedQty()).isEqualTo(0.5);
            assertThat(a.positionAfter()).isZero();
        });
        assertThat(journal.fillAttribution("next")).get().satisfies(a -> {
            assertThat(a.openedByVersion()).isEqualTo(7);
            assertThat(a.closedQty()).isZero();
            assertThat(a.positionAfter()).isCloseTo(0.2, within(1e-12));
        });
    }

    @Test
    void fillsJournaledBeforeTheUpgradeStayCreditedToTheVersionTheyWereMadeUnder() throws Exception {
        Store old = store().another();
        try (Db db = old.openDb()) {
            Migrations.migrate(db, Migrations.known().subList(0, 2), 0);
        }
        old.query("INSERT INTO fills (fill_id, symbol, side, qty, price, fee, realized_pnl,"
                + " time_ms, maker, params_version) VALUES ('old', 'BTCUSDT', 'SELL', 1, 100, 0.5, 7, 1000, 0, 2)");

        try (Journal upgraded = old.open()) {
            assertThat(upgraded.fillStatsByVersion()).containsExactly(Map.entry(2L, new FillStats(1, 1, 7, 0.5)));
            assertThat(upgraded.fillAttribution("old")).get().satisfies(a -> {
                assertThat(a.openedByVersion()).isEqualTo(2);
                assertThat(a.closedQty()).isNaN();
            });
        }
    }

    @Test
    void aRealizedPnlTheVenuePublishesLateIsFilledInWithoutRecordingTheFillTwice() {
        journal.recordFill(fill("open", Side.BUY, 0.5, 1.0, 0, 1_000), 3);
        assertThat(journal.recordFill(fill("close", Side.SELL, 0.5, 1.5, Double.NaN, 2_000), 4)).isTrue();
        assertThat(journal.fillStatsByVersion().get(3L).realizedPnl()).isZero();

        assertThat(journal.recordFill(fill("close", Side.SELL, 0.5, 1.5, 40.0, 2_000), 4)).isFalse();
        assertThat(journal.recordFill(fill("close", Side.SELL, 0.5, 1.5, 99.0, 2_000), 4)).isFalse();

        assertThat(journal.fillStatsByVersion().get(3L)).isEqualTo(new FillStats(2, 1, 40.0, 2.5));
        assertThat(journal.fills(null, 0, 10)).filteredOn(f -> f.fillId().equals("close")).singleElement()
                .extracting(Fill::realizedPnl).isEqualTo(40.0);
    }

    private static Fill fill(String id, Side side, double qty, double fee, double pnl, long time) {
        return new Fill(id, "lsh-" + id, "v-" + id, "BTCUSDT", side, qty, 100, fee, pnl, time, false);
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
