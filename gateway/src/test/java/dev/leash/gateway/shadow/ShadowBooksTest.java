package dev.leash.gateway.shadow;

import dev.leash.backtest.Bars;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.leash.venue.Candle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ShadowBooksTest {

    private static final int WARMUP = 260;
    private static final long HOUR = 3_600_000L;

    private final List<String> retired = new ArrayList<>();
    private final List<BookFigures> retiredFigures = new ArrayList<>();

    private ShadowBooks books(int max, long horizon, int minTrades) {
        return new ShadowBooks(ShadowFixtures.instruments(), ShadowFixtures.limits(), ShadowFixtures.params(1, 20),
                new ShadowBooks.Settings(max, horizon, minTrades, 1_000_000, WARMUP),
                (t, name, version, figures, flags) -> {
                    retired.add(name + " v" + version);
                    retiredFigures.add(figures);
                });
    }

    /** Runs the bars' steps with the live params version {@code k+1} from the k-th of {@code changesAt} (a step index). */
    private static void run(ShadowBooks books, Bars bars, int... changesAt) {
        List<MarketStep> steps = ShadowFixtures.steps(bars, WARMUP, ShadowFixtures.params(1, 20), 100_000);
        int version = 1;
        for (int i = 0; i < steps.size(); i++) {
            for (int at : changesAt) {
                if (at == i) {
                    version++;
                }
            }
            MarketStep s = steps.get(i);
            Params live = ShadowFixtures.params(version, 20 + version);
            books.offer(new MarketStep(s.time(), s.price(), s.mark(), s.fresh(), s.warmup(), s.bars(), live,
                    s.liveEquity(), s.livePosition(), s.liveEntry()));
            books.drain();
        }
    }

    @Test
    void theScorecardIsRebuiltAtEachClosedBarAndChangeNotOnEveryStepAndIsNeverABarOld() {
        ShadowBooks books = books(4, 72 * HOUR, 20);
        List<MarketStep> steps = ShadowFixtures.steps(ShadowFixtures.bars(5, WARMUP + 100), WARMUP,
                ShadowFixtures.params(1, 20), 100_000);
        Set<Scorecard> built = Collections.newSetFromMap(new IdentityHashMap<>());
        int barSteps = 0;
        int changeAt = 201; // a step inside a bar, with no bar closing
        for (int i = 0; i < steps.size(); i++) {
            MarketStep s = steps.get(i);
            Params live = i < changeAt ? ShadowFixtures.params(1, 20) : ShadowFixtures.params(2, 22);
            books.offer(new MarketStep(s.time(), s.price(), s.mark(), s.fresh(), s.warmup(), s.bars(), live,
                    s.liveEquity(), s.livePosition(), s.liveEntry()));
            books.drain();

            Scorecard card = books.scorecard();
            built.add(card);
            assertThat(s.time() - card.asOf()).as("step %d", i).isNotNegative().isLessThan(Candle.INTERVAL_MILLIS);
            if (!s.bars().isEmpty()) {
                barSteps++;
                assertThat(card.asOf()).as("rebuilt at the closed bar of step %d", i).isEqualTo(s.time());
            }
            if (i == changeAt) {
                assertThat(card.asOf()).as("rebuilt at the change").isEqualTo(s.time());
                assertThat(card.changes()).hasSize(1);
            }
        }
        assertThat(barSteps).isGreaterThan(90);
        // the first step, each closed bar and the change (which retires the live-params shadow): not every step
        assertThat(built).hasSizeLessThanOrEqualTo(barSteps + 2).hasSizeLessThan(steps.size() / 3);
    }

    @Test
    void theBaselineKeepsItsParamsThroughEveryLiveChange() {
        ShadowBooks books = books(4, 72 * HOUR, 20);
        run(books, ShadowFixtures.bars(5, 800), 100, 200, 300);
        assertThat(books.activeBooks().get(0).name()).isEqualTo("baseline");
        assertThat(books.activeBooks().get(0).params()).isEqualTo(ShadowFixtures.params(1, 20));
        assertThat(books.scorecard().shadows().get(0).paramsVersion()).isEqualTo(1);
    }

    @Test
    void atMostMaxShadowsRunTheOldestIncumbentRetiredFirstWithItsFinalFigures() {
        ShadowBooks books = books(4, 72 * HOUR, 20);
        run(books, ShadowFixtures.bars(5, 800), 100, 200, 300);
        assertThat(books.activeBooks()).extracting(ShadowBook::name)
                .containsExactly("baseline", "incumbent v2", "incumbent v3", "live-params v4");
        assertThat(retired).containsExactly("live-params v1 v1", "live-params v2 v2", "live-params v3 v3",
                "incumbent v1 v1");
        Scorecard card = books.scorecard();
        assertThat(card.shadows()).extracting(Scorecard.Shadow::name)
                .containsExactly("baseline", "incumbent v2", "incumbent v3", "live-params v4", "live-params v1",
                        "live-params v2", "live-params v3", "incumbent v1");
        Scorecard.Shadow gone = card.shadows().get(7);
        assertThat(gone.active()).isFalse();
        assertThat(gone.figures()).isEqualTo(retiredFigures.get(3));
        assertThat(gone.flags()).contains("retired for a newer change");
        assertThat(card.shadows().get(4).flags()).contains("live params changed");
        assertThat(card.changes()).extracting(Scorecard.Change::open).containsExactly(false, true, true);
    }

    @Test
    void anIncumbentRetiresAtItsHorizonAndItsChangesFiguresStopThere() {
        ShadowBooks books = books(4, HOUR, 20);
        Bars bars = ShadowFixtures.bars(5, 800);
        run(books, bars, 100);
        assertThat(retired).containsExactly("live-params v1 v1", "incumbent v1 v1");
        Scorecard.Change c = books.scorecard().changes().get(0);
        assertThat(c.open()).isFalse();
        assertThat(c.strategyEffect().other()).isEqualTo(retiredFigures.get(1));
        assertThat(c.strategyEffect().live().equity()).isEqualTo(100_000); // the fixture's live equity
        assertThat(books.activeBooks()).extracting(ShadowBook::name).containsExactly("baseline", "live-params v2");
    }

    @Test
    void belowTheMinimumOfClosedTradesTheVerdictIsInsufficientEvidenceNeverANumber() {
        ShadowBooks books = books(4, 72 * HOUR, 1_000);
        run(books, ShadowFixtures.bars(5, 800), 100);
        Scorecard card = books.scorecard();
        assertThat(card.vsBaseline().sufficient()).isFalse();
        assertThat(card.vsBaseline().verdict()).isEqualTo(Scorecard.INSUFFICIENT);
        assertThat(card.changes().get(0).strategyEffect().verdict()).isEqualTo(Scorecard.INSUFFICIENT);
        assertThat(card.changes().get(0).vsBaseline().verdict()).isEqualTo(Scorecard.INSUFFICIENT);
        assertThat(card.summary()).contains("insufficient evidence").contains("1000 closed trades")
                .contains("1 change accepted");
    }

    @Test
    void aFullQueueDropsTheStepAndFlagsTheShadowsWithoutWaiting() {
        ShadowBooks books = new ShadowBooks(ShadowFixtures.instruments(), ShadowFixtures.limits(),
                ShadowFixtures.params(1, 20), new ShadowBooks.Settings(4, HOUR, 20, 2, WARMUP), (t, n, v, f, fl) -> { });
        List<MarketStep> steps = ShadowFixtures.steps(ShadowFixtures.bars(5, 300), WARMUP,
                ShadowFixtures.params(1, 20), 100_000);
        assertThat(books.offer(steps.get(0))).isTrue();
        assertThat(books.offer(steps.get(1))).isTrue();
        assertThat(books.offer(steps.get(2))).isFalse();
        assertThat(books.missedSteps()).isEqualTo(1);
        assertThat(books.drain()).isEqualTo(2);
        assertThat(books.scorecard().shadows().get(0).flags()).as("nothing missed before the dropped step").isEmpty();
        assertThat(books.offer(steps.get(3))).isTrue();
        assertThat(books.drain()).isEqualTo(1);
        assertThat(books.scorecard().shadows().get(0).flags()).containsExactly("missed_ticks from "
                + java.time.Instant.ofEpochMilli(steps.get(1).time()) + " to "
                + java.time.Instant.ofEpochMilli(steps.get(3).time()));
        assertThat(books.scorecard().shadows().get(0).flagged()).isTrue();
    }

    @Test
    void everyShadowRunAndEveryFillIsJournaledWithThePositionAfterIt() {
        ShadowBooks books = books(4, 72 * HOUR, 20);
        List<String> starts = new ArrayList<>();
        java.util.Map<Long, List<dev.leash.venue.Fill>> fills = new java.util.HashMap<>();
        java.util.Map<Long, List<Double>> positions = new java.util.HashMap<>();
        List<Long> retiredRuns = new ArrayList<>();
        books.journalTo(new ShadowJournal() {
            @Override
            public long started(String name, String kind, long version, long liveVersion, long since, double eq) {
                starts.add(name + "/" + kind + "/v" + version + "/live v" + liveVersion);
                return starts.size();
            }

            @Override
            public void filled(long runId, String name, long version, dev.leash.venue.Fill fill, double after) {
                fills.computeIfAbsent(runId, k -> new ArrayList<>()).add(fill);
                positions.computeIfAbsent(runId, k -> new ArrayList<>()).add(after);
            }

            @Override
            public void retired(long runId, long time) {
                retiredRuns.add(runId);
            }
        });
        run(books, ShadowFixtures.bars(5, 800), 100);
        assertThat(starts).containsExactly("baseline/baseline/v1/live v1", "live-params v1/live-params/v1/live v1",
                "incumbent v1/incumbent/v1/live v2", "live-params v2/live-params/v2/live v2");
        assertThat(retiredRuns).containsExactly(2L);
        List<ShadowBook> active = books.activeBooks();
        assertThat(active.get(0).fills()).isNotEmpty();
        assertThat(fills.get(1L)).isEqualTo(active.get(0).fills());
        assertThat(fills.get(3L)).isEqualTo(active.get(1).fills());
        assertThat(fills.get(4L)).isEqualTo(active.get(2).fills());
        for (ShadowBook b : active) {
            for (dev.leash.venue.Position p : b.positions()) {
                long run = 1 + starts.indexOf(starts.stream().filter(x -> x.startsWith(b.name() + "/")).findFirst()
                        .orElseThrow());
                List<dev.leash.venue.Fill> fs = fills.get(run);
                int last = -1;
                for (int k = 0; k < fs.size(); k++) {
                    if (fs.get(k).symbol().equals(p.symbol())) {
                        last = k;
                    }
                }
                assertThat(positions.get(run).get(last)).isCloseTo(p.qty(), org.assertj.core.api.Assertions.within(1e-9));
            }
        }
    }

    @Test
    void aCandidateShadowRunsPastTheHorizonUntilEndedAndItsLiveFiguresStartWithIt() {
        ShadowBooks books = books(4, HOUR, 20);
        List<MarketStep> steps = ShadowFixtures.steps(ShadowFixtures.bars(5, 800), WARMUP,
                ShadowFixtures.params(1, 20), 100_000);
        for (int i = 0; i < steps.size(); i++) {
            if (i == 10) {
                books.startCandidate("candidate:1", ShadowFixtures.params(1, 30));
            }
            if (i == steps.size() - 5) {
                books.endCandidate("candidate:1", "retired: test over");
            }
            books.offer(steps.get(i));
            books.drain();
            if (i == steps.size() - 6) {
                CandidateView v = books.candidates().get("candidate:1");
                assertThat(v.running()).isTrue();
                assertThat(v.shadow().since()).isEqualTo(steps.get(10).time());
                assertThat(v.live().since()).isEqualTo(steps.get(10).time());
                assertThat(books.activeBooks()).extracting(ShadowBook::name).contains("candidate:1");
            }
        }
        CandidateView v = books.candidates().get("candidate:1");
        assertThat(v.running()).isFalse();
        assertThat(v.ended()).isEqualTo("retired: test over");
        assertThat(retired).contains("candidate:1 v1");
    }

    @Test
    void aCandidateWithoutAFreeSlotEndsAtOnceAndDisplacesNoShadow() {
        ShadowBooks books = books(2, 72 * HOUR, 20);
        List<MarketStep> steps = ShadowFixtures.steps(ShadowFixtures.bars(5, 400), WARMUP,
                ShadowFixtures.params(1, 20), 100_000);
        books.offer(steps.get(0));
        books.drain();
        books.startCandidate("candidate:1", ShadowFixtures.params(1, 30));
        books.startCandidate("candidate:2", ShadowFixtures.params(1, 31));
        books.offer(steps.get(1));
        books.drain();
        assertThat(books.candidates().get("candidate:1").running()).isTrue();
        assertThat(books.candidates().get("candidate:2").ended()).isEqualTo("no free shadow slot: 2 of 2 shadows run");
        assertThat(books.activeBooks()).extracting(ShadowBook::name).containsExactly("baseline", "candidate:1");
    }

    @Test
    void aLiveChangeRetiresIncumbentsForRoomButNeverTheCandidate() {
        ShadowBooks books = books(3, 72 * HOUR, 20);
        List<MarketStep> steps = ShadowFixtures.steps(ShadowFixtures.bars(5, 400), WARMUP,
                ShadowFixtures.params(1, 20), 100_000);
        for (int i = 0; i < 40; i++) {
            if (i == 1) {
                books.startCandidate("candidate:1", ShadowFixtures.params(1, 30));
            }
            MarketStep s = steps.get(i);
            Params live = ShadowFixtures.params(i < 20 ? 1 : 2, i < 20 ? 20 : 22);
            books.offer(new MarketStep(s.time(), s.price(), s.mark(), s.fresh(), s.warmup(), s.bars(), live,
                    s.liveEquity(), s.livePosition(), s.liveEntry()));
            books.drain();
        }
        assertThat(books.candidates().get("candidate:1").running()).isTrue();
        assertThat(books.activeBooks()).extracting(ShadowBook::name).contains("baseline", "candidate:1");
        assertThat(retired).doesNotContain("candidate:1 v1");
    }
}
