package dev.leash.gateway.scorecard;

import dev.leash.journal.Journal;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The scorecard from journaled runs and fills: windows, warm-up, the next change, retirement. */
@Timeout(30)
class AttributionTest {

    private static final long MIN = 60_000L;
    private static final long HOUR = 60 * MIN;
    private static final long DAY = 24 * HOUR;

    @TempDir
    Path dir;

    private Journal journal;
    private int ids;

    @BeforeEach
    void open() {
        journal = Journal.open(Journal.sqliteUrl(dir));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    /** A long round trip of {@code pnl} (before a fee of 1 at each end) in {@code sym}, opened at t and closed 10 min later. */
    private void trip(long run, String name, String sym, long t, double pnl) {
        journal.recordShadowFill(run, name, 1, fill(sym, Side.BUY, t, 0), 1);
        journal.recordShadowFill(run, name, 1, fill(sym, Side.SELL, t + 10 * MIN, pnl), 0);
    }

    private void liveTrip(String sym, long t, double pnl) {
        journal.recordFill(fill(sym, Side.BUY, t, 0), 1);
        journal.recordFill(fill(sym, Side.SELL, t + 10 * MIN, pnl), 1);
    }

    private Fill fill(String sym, Side side, long t, double pnl) {
        ids++;
        return new Fill("f" + ids, "c" + ids, "v" + ids, sym, side, 1, 100, 1.0, pnl, t, false);
    }

    @Test
    void aChangeIsMeasuredFromTheEndOfItsWarmUpToTheNextChange() {
        long base = journal.recordShadowStart("baseline", "baseline", 1, 1, 0, 10_000);
        long change1 = 2 * HOUR;
        long change2 = 6 * HOUR;
        long inc1 = journal.recordShadowStart("incumbent v1", "incumbent", 1, 2, change1, 10_000);
        long cand2 = journal.recordShadowStart("live-params v2", "live-params", 2, 2, change1, 10_000);
        journal.recordShadowRetired(cand2, change2);
        journal.recordShadowStart("incumbent v2", "incumbent", 2, 3, change2, 10_100);

        trip(inc1, "incumbent v1", "BTC", change1 + 10 * MIN, 500);   // in the warm-up: not counted
        trip(inc1, "incumbent v1", "BTC", change1 + 2 * HOUR, 10);
        trip(cand2, "live-params v2", "BTC", change1 + 2 * HOUR, 30);
        trip(cand2, "live-params v2", "ETH", change1 + 3 * HOUR, -4);
        liveTrip("BTC", change1 + 2 * HOUR, 29);
        liveTrip("ETH", change1 + 3 * HOUR, -4);
        liveTrip("BTC", change2 + 2 * HOUR, 1_000);                     // after the next change: not change 1's
        trip(base, "baseline", "SOL", change1 + 90 * MIN, 5);

        AttributionReport r = new Attribution(journal, HOUR, 2).report("7d", 7 * DAY, DAY);
        assertThat(r.changes()).hasSize(2);
        ChangeEffect c = r.changes().get(0);
        assertThat(c.fromVersion()).isEqualTo(1);
        assertThat(c.toVersion()).isEqualTo(2);
        assertThat(c.open()).isFalse();
        Effect strategy = c.strategyEffect();
        assertThat(strategy.book()).isEqualTo("live-params v2");
        assertThat(strategy.against()).isEqualTo("incumbent v1");
        assertThat(strategy.from()).isEqualTo(change1 + HOUR);
        assertThat(strategy.to()).isEqualTo(change2);
        assertThat(strategy.bookFigures().netPnl()).isCloseTo(28 + (-6), within(1e-9));
        assertThat(strategy.other().netPnl()).isCloseTo(8, within(1e-9));
        assertThat(strategy.netPnlDiff()).isCloseTo(14, within(1e-9));
        assertThat(strategy.entriesAdded()).isEqualTo(1);   // the ETH trip
        assertThat(strategy.entriesSkipped()).isZero();
        assertThat(strategy.sufficient()).isTrue();
        Effect execution = c.executionEffect();
        assertThat(execution.netPnlDiff()).isCloseTo(-1, within(1e-9));
        assertThat(execution.entriesAdded()).isZero();
        assertThat(c.vsBaseline().other().netPnl()).isCloseTo(3, within(1e-9));
        assertThat(c.vsBaseline().bookFigures().returnPct()).isCloseTo(21.0 / 10_000 * 100, within(1e-9));

        ChangeEffect second = r.changes().get(1);
        assertThat(second.open()).isTrue();
        assertThat(second.executionEffect()).isNull();           // no live-params shadow ran for it
        assertThat(second.strategyEffect().book()).isEqualTo("live");
        assertThat(second.strategyEffect().bookFigures().netPnl()).isCloseTo(998, within(1e-9));
        assertThat(second.strategyEffect().verdict()).isEqualTo(Effect.INSUFFICIENT);
    }

    @Test
    void onlyChangesMadeInTheWindowAreListedAndTheOverallComparisonStartsAtTheWindow() {
        long base = journal.recordShadowStart("baseline", "baseline", 1, 1, 0, 10_000);
        journal.recordShadowStart("incumbent v1", "incumbent", 1, 2, HOUR, 10_000);
        journal.recordShadowStart("incumbent v2", "incumbent", 2, 3, 10 * DAY, 10_000);
        trip(base, "baseline", "BTC", 2 * HOUR, 50);
        trip(base, "baseline", "BTC", 10 * DAY + 2 * HOUR, 7);
        liveTrip("BTC", 10 * DAY + 2 * HOUR, 3);

        AttributionReport r = new Attribution(journal, HOUR, 20).report("24h", DAY, 10 * DAY + 12 * HOUR);
        assertThat(r.changes()).extracting(ChangeEffect::toVersion).containsExactly(3L);
        assertThat(r.vsBaseline().other().netPnl()).isCloseTo(5, within(1e-9));
        assertThat(r.vsBaseline().bookFigures().netPnl()).isCloseTo(1, within(1e-9));
        assertThat(r.vsBaseline().verdict()).isEqualTo(Effect.INSUFFICIENT);
        assertThat(r.trackRecord()).isEqualTo("The model's 1 change in the last 24h: 0 helped, 0 hurt, 0 no clear difference,"
                + " 1 insufficient evidence; live vs the untouched baseline: insufficient evidence (1 closed trade"
                + " so far).");
    }

    @Test
    void theTrackRecordCountsTheModelsChangesAndSetsTheOperatorsApart() {
        journal.recordShadowStart("baseline", "baseline", 1, 1, 0, 10_000);
        journal.recordShadowStart("incumbent v1", "incumbent", 1, 2, HOUR, 10_000);
        journal.recordShadowStart("incumbent v2", "incumbent", 2, 3, 2 * HOUR, 10_000);
        AttributionReport r = new Attribution(journal, HOUR, 20).report("7d", 7 * DAY, DAY,
                v -> v == 2 ? ChangeEffect.MODEL : ChangeEffect.OPERATOR);
        assertThat(r.changes()).extracting(ChangeEffect::by).containsExactly("model", "operator");
        assertThat(r.trackRecord()).startsWith("The model's 1 change in the last 7d: 0 helped, 0 hurt, 0 no clear difference,"
                + " 1 insufficient evidence (and 1 by the operator, not counted); live vs the untouched baseline: ");
    }
}
