package dev.leash.gateway.shadow;

import dev.leash.backtest.Bars;
import dev.leash.gateway.app.JournalShadowStore;
import dev.leash.journal.Journal;
import dev.leash.journal.MarketStepRecord;
import dev.leash.journal.ShadowBookRecord;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Determinism: the market steps the shadow books journaled, replayed through a fresh engine and fill model,
 * reproduce each shadow's fills exactly; and the checkpoint read back from the journal is the one saved.
 */
@Timeout(120)
class ShadowReplayTest {

    private static final int WARMUP = 260;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    private static ShadowBooks books() {
        return new ShadowBooks(ShadowFixtures.instruments(), ShadowFixtures.limits(), ShadowFixtures.params(1, 20),
                new ShadowBooks.Settings(4, 72 * HOUR, 20, 1_000_000, WARMUP), (t, n, v, f, fl) -> { });
    }

    /** Runs the fixture's steps, the live params version 2 from step 150 and 3 from step 700, live long 0.01 BTC. */
    private static void run(ShadowBooks books, Bars bars) {
        List<MarketStep> steps = ShadowFixtures.steps(bars, WARMUP, ShadowFixtures.params(1, 20), 100_000);
        for (int i = 0; i < steps.size(); i++) {
            MarketStep s = steps.get(i);
            Params live = ShadowFixtures.params(i < 150 ? 1 : i < 700 ? 2 : 3, i < 150 ? 20 : i < 700 ? 30 : 12);
            double[] position = new double[s.price().length];
            double[] entry = new double[s.price().length];
            position[0] = 0.01;
            entry[0] = s.price()[0];
            books.offer(new MarketStep(s.time(), s.price(), s.mark(), s.fresh(), s.warmup(), s.bars(), live,
                    s.liveEquity(), position, entry));
            books.drain();
        }
    }

    @Test
    void replayingTheJournaledStepsThroughAFreshEngineReproducesEveryShadowsFillsExactly() {
        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            ShadowBooks books = books();
            books.persistTo(new JournalShadowStore(journal));
            run(books, ShadowFixtures.bars(7, 900));
            books.checkpoint();

            int n = ShadowFixtures.instruments().size();
            List<MarketStep> journaled = new ArrayList<>();
            for (MarketStepRecord r : journal.marketSteps(Long.MIN_VALUE, Long.MAX_VALUE)) {
                journaled.add(StepCodec.decode(r.time(), r.step(), n));
            }
            List<ShadowBook> running = books.activeBooks();
            assertThat(running).extracting(ShadowBook::name)
                    .containsExactly("baseline", "incumbent v1", "incumbent v2", "live-params v3");
            for (ShadowBook b : running) {
                ShadowBook replayed = StepReplay.replay(b.checkpoint(0), ShadowFixtures.instruments(),
                        ShadowFixtures.limits(), WARMUP, journaled);
                assertThat(b.fills()).as("%s trades", b.name()).isNotEmpty();
                assertThat(replayed.fills()).as(b.name()).containsExactlyElementsOf(b.fills());
                assertThat(replayed.equity()).as(b.name()).isEqualTo(b.equity());
            }
        }
    }

    @Test
    void theCheckpointReadBackFromTheJournalIsTheOneSavedAndEveryBookIsAQueryableRow() {
        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            ShadowBooks books = books();
            JournalShadowStore store = new JournalShadowStore(journal);
            books.persistTo(store);
            run(books, ShadowFixtures.bars(7, 600));
            books.checkpoint();

            ShadowsCheckpoint saved = store.load().orElseThrow();
            MemoryShadowStore memory = new MemoryShadowStore();
            books.persistTo(memory);
            books.checkpoint();
            ShadowsCheckpoint direct = memory.last();
            assertThat(saved).usingRecursiveComparison().withComparatorForType(Double::compare, Double.class)
                    .isEqualTo(direct);
            List<ShadowBookRecord> running = journal.shadowBooks().stream().filter(ShadowBookRecord::active).toList();
            assertThat(running).hasSameSizeAs(direct.books());
            for (BookCheckpoint b : direct.books()) {
                ShadowBookRecord row = running.stream().filter(r -> r.name().equals(b.name())).findFirst()
                        .orElseThrow();
                assertThat(row.since()).isEqualTo(b.since());
                assertThat(row.paramsVersion()).isEqualTo(b.params().version());
                assertThat(row.netPnl()).isEqualTo(b.figures().view().netPnl());
                assertThat(row.trades()).isEqualTo(b.figures().view().trades());
            }
        }
    }
}
