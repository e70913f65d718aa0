package dev.leash.gateway.shadow;

import dev.leash.backtest.Bars;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Shadow books checkpointed at every closed bar continue after a restart where they were, and say what they missed. */
@Timeout(120)
class ShadowCheckpointTest {

    private static final int WARMUP = 260;
    private static final long HOUR = 3_600_000L;
    private static final Bars BARS = ShadowFixtures.bars(5, 700);
    private static final List<MarketStep> STEPS = ShadowFixtures.steps(BARS, WARMUP, ShadowFixtures.params(1, 20),
            100_000);

    private static ShadowBooks books(long horizon) {
        return new ShadowBooks(ShadowFixtures.instruments(), ShadowFixtures.limits(), ShadowFixtures.params(1, 20),
                new ShadowBooks.Settings(2, horizon, 20, 1_000_000, WARMUP), (t, n, v, f, fl) -> { });
    }

    /** Step {@code i} with the live params version 2 from step {@code changeAt} on; {@code warm} adds the warm-up. */
    private static MarketStep step(int i, int changeAt, boolean warm) {
        MarketStep s = STEPS.get(i);
        Params live = i >= changeAt ? ShadowFixtures.params(2, 30) : ShadowFixtures.params(1, 20);
        List<ClosedBar> warmup = s.warmup();
        if (warm && warmup.isEmpty()) {
            warmup = ShadowFixtures.warmup(BARS, (int) ((s.time() - BARS.openTime(0)) / 300_000L));
        }
        return new MarketStep(s.time(), s.price(), s.mark(), s.fresh(), warmup, s.bars(), live, s.liveEquity(),
                s.livePosition(), s.liveEntry());
    }

    private static void run(ShadowBooks books, int from, int to, int changeAt) {
        for (int i = from; i < to; i++) {
            books.offer(step(i, changeAt, i == from));
            books.drain();
        }
    }

    /** The index of the first step after {@code i} that closes bars: the steps until it share its checkpoint. */
    private static int nextBarStep(int i) {
        int j = i;
        while (STEPS.get(j).bars().isEmpty()) {
            j++;
        }
        return j;
    }

    @Test
    void aRestartRightAfterACheckpointContinuesWithExactlyTheFiguresOfARunThatNeverStopped() {
        int change = 200;
        ShadowBooks straight = books(72 * HOUR);
        run(straight, 0, STEPS.size(), change);

        MemoryShadowStore store = new MemoryShadowStore();
        ShadowBooks first = books(72 * HOUR);
        first.persistTo(store);
        int stop = nextBarStep(900);
        run(first, 0, stop + 1, change);
        first.checkpoint(); // a clean shutdown
        ShadowBooks second = books(72 * HOUR);
        second.persistTo(store);
        run(second, stop + 1, STEPS.size(), change);

        Scorecard a = straight.scorecard();
        Scorecard b = second.scorecard();
        assertThat(b.shadows()).extracting(Scorecard.Shadow::name).containsExactly("baseline", "incumbent v1");
        assertThat(b.shadows()).extracting(Scorecard.Shadow::flags).allSatisfy(f -> assertThat(f).isEmpty());
        assertThat(b.shadows()).isEqualTo(a.shadows());
        assertThat(b.live()).isEqualTo(a.live());
        assertThat(b.changes()).isEqualTo(a.changes());
        assertThat(b.shadows().get(1).figures().trades()).as("the incumbent traded").isPositive();
        assertThat(second.activeBooks().get(1).fills()).isNotEmpty();
    }

    @Test
    void aShadowThatMissedStepsWhileTheGatewayWasDownIsFlaggedMissedTicksWithTheGap() {
        MemoryShadowStore store = new MemoryShadowStore();
        ShadowBooks first = books(72 * HOUR);
        first.persistTo(store);
        int stop = nextBarStep(500);
        run(first, 0, stop + 1, 100);
        first.checkpoint();
        int restart = stop + 40;
        ShadowBooks second = books(72 * HOUR);
        second.persistTo(store);
        run(second, restart, restart + 10, 100);

        String gap = "missed_ticks from " + Instant.ofEpochMilli(STEPS.get(stop).time()) + " to "
                + Instant.ofEpochMilli(STEPS.get(restart).time());
        assertThat(second.scorecard().shadows()).hasSize(2)
                .allSatisfy(s -> assertThat(s.flags()).containsExactly(gap));
        assertThat(second.scorecard().shadows().get(0).flagged()).isTrue();
        assertThat(store.last().books()).allSatisfy(b -> assertThat(b.flags()).containsExactly(gap));
    }

    @Test
    void aRetiredShadowKeepsItsFinalFiguresAcrossARestartAndShowsAsRetired() {
        MemoryShadowStore store = new MemoryShadowStore();
        ShadowBooks first = books(HOUR);
        first.persistTo(store);
        run(first, 0, 400, 100);
        Scorecard.Shadow gone = first.scorecard().shadows().get(1);
        assertThat(gone.active()).isFalse();
        int stop = nextBarStep(400);
        run(first, 400, stop + 1, 100);
        first.checkpoint();
        ShadowBooks second = books(HOUR);
        second.persistTo(store);
        run(second, stop + 1, stop + 20, 100);

        assertThat(second.activeBooks()).extracting(ShadowBook::name).containsExactly("baseline");
        assertThat(second.scorecard().shadows().get(1)).isEqualTo(gone);
        assertThat(second.scorecard().changes().get(0).open()).isFalse();
        assertThat(second.scorecard().changes().get(0).strategyEffect().other()).isEqualTo(gone.figures());
    }

    @Test
    void everyClosedBarSavesACheckpointWithTheStepsConsumedSinceTheLast() {
        MemoryShadowStore store = new MemoryShadowStore();
        ShadowBooks books = books(72 * HOUR);
        books.persistTo(store);
        int stop = nextBarStep(300);
        run(books, 0, stop + 1, 101); // a change between two bars
        List<Long> times = new ArrayList<>();
        for (int i = 0; i <= stop; i++) {
            times.add(STEPS.get(i).time());
        }
        assertThat(store.steps()).extracting(MarketStep::time).containsExactlyElementsOf(times);
        assertThat(store.last().stepTime()).isEqualTo(STEPS.get(stop).time());
        long bars = STEPS.subList(0, stop + 1).stream().filter(s -> !s.bars().isEmpty()).count();
        assertThat(store.saves()).as("one per closed bar, one for the change").isEqualTo(bars + 1);
    }

    @Test
    void aCheckpointForOtherSymbolsIsSetAsideAndTheShadowsStartAfresh() {
        MemoryShadowStore store = new MemoryShadowStore();
        ShadowBooks first = books(72 * HOUR);
        first.persistTo(store);
        int stop = nextBarStep(300);
        run(first, 0, stop + 1, 100);
        ShadowsCheckpoint c = store.last();
        store.save(new ShadowsCheckpoint(c.stepTime(), c.stepMillis(), c.liveParams(), c.live(), new double[1], 0,
                c.lastLiveEquity(), new double[1], new double[1], new double[1], c.changes(), c.retired(), c.books()),
                List.of(), 0);
        ShadowBooks second = books(72 * HOUR);
        second.persistTo(store);
        run(second, stop + 1, stop + 5, 100);

        assertThat(second.activeBooks()).extracting(ShadowBook::name).containsExactly("baseline");
        assertThat(second.activeBooks().get(0).since()).isEqualTo(STEPS.get(stop + 1).time());
        assertThat(second.scorecard().changes()).isEmpty();
    }

    @Test
    void aBaselineWhoseConfiguredParamsChangedWhileStoppedRetiresWithItsFiguresAndANewOneStarts() {
        MemoryShadowStore store = new MemoryShadowStore();
        ShadowBooks first = books(72 * HOUR);
        first.persistTo(store);
        int stop = nextBarStep(300);
        run(first, 0, stop + 1, 100);
        first.checkpoint();
        BookFigures old = first.scorecard().shadows().get(0).figures();
        ShadowBooks second = new ShadowBooks(ShadowFixtures.instruments(), ShadowFixtures.limits(),
                ShadowFixtures.params(1, 25), new ShadowBooks.Settings(2, 72 * HOUR, 20, 1_000_000, WARMUP),
                (t, n, v, f, fl) -> { });
        second.persistTo(store);
        run(second, stop + 1, stop + 5, 100);

        assertThat(second.activeBooks()).extracting(ShadowBook::name).containsExactly("baseline", "incumbent v1");
        assertThat(second.activeBooks().get(0).params()).isEqualTo(ShadowFixtures.params(1, 25));
        assertThat(second.activeBooks().get(0).since()).isEqualTo(STEPS.get(stop + 1).time());
        Scorecard.Shadow gone = second.scorecard().shadows().get(2);
        assertThat(gone.name()).isEqualTo("baseline");
        assertThat(gone.active()).isFalse();
        assertThat(gone.figures()).isEqualTo(old);
        assertThat(gone.flags()).containsExactly(ShadowBooks.BASELINE_CHANGED);
    }

    @Test
    void closedBarsSaveAtMostOnceInTheWallIntervalButAChangeAlwaysSaves() {
        MemoryShadowStore store = new MemoryShadowStore();
        long[] wall = {1_000_000};
        ShadowBooks books = books(72 * HOUR);
        books.persistTo(store, () -> wall[0], 5_000);
        int stop = nextBarStep(300);
        run(books, 0, stop + 1, 101);
        assertThat(store.saves()).as("the first bar and the change").isEqualTo(2);
        wall[0] += 5_000;
        int next = nextBarStep(stop + 1);
        run(books, stop + 1, next + 1, 101);
        assertThat(store.saves()).isEqualTo(3);
        assertThat(store.steps()).hasSize(next + 1);
    }
}
