package dev.leash.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class JournalShadowBooksTest {

    @TempDir
    Path dir;

    private static ShadowBookRecord book(String name, boolean active, double net, List<String> flags) {
        return new ShadowBookRecord(name, 1_000, 3, active, 9_000, 100_000, 100_000 + net, net, net / 1_000,
                0.4, 7, flags);
    }

    @Test
    void aCheckpointItsBooksAndItsStepsSurviveAReopenAndARetiredBookKeepsItsFinalFigures() {
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            j.saveShadowCheckpoint("{\"v\":1}", List.of(book("baseline", true, 5, List.of()),
                    book("incumbent v2", true, -3, List.of())),
                    List.of(new MarketStepRecord(1_000, "a"), new MarketStepRecord(2_000, "b")), 0);
            j.saveShadowCheckpoint("{\"v\":2}", List.of(book("incumbent v2", false, -4,
                    List.of("missed_ticks from x to y", "horizon reached"))),
                    List.of(new MarketStepRecord(3_000, "c")), 0);
            j.saveShadowCheckpoint("{\"v\":2}", List.of(book("incumbent v2", false, -9, List.of())), List.of(), 0);
        }
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            assertThat(j.shadowCheckpoint()).contains("{\"v\":2}");
            assertThat(j.shadowBooks()).extracting(ShadowBookRecord::name, ShadowBookRecord::active)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("baseline", true),
                            org.assertj.core.groups.Tuple.tuple("incumbent v2", false));
            assertThat(j.retiredShadowBooks()).containsExactly(book("incumbent v2", false, -4,
                    List.of("missed_ticks from x to y", "horizon reached")));
            assertThat(j.marketSteps(0, Long.MAX_VALUE)).extracting(MarketStepRecord::step)
                    .containsExactly("a", "b", "c");
            assertThat(j.marketSteps(1_500, 2_500)).extracting(MarketStepRecord::time).containsExactly(2_000L);
        }
    }

    @Test
    void stepsOlderThanTheHorizonArePrunedWithTheNextCheckpoint() {
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            j.saveShadowCheckpoint("{}", List.of(), List.of(new MarketStepRecord(1_000, "a"),
                    new MarketStepRecord(2_000, "b")), 0);
            j.saveShadowCheckpoint("{}", List.of(), List.of(new MarketStepRecord(3_000, "c")), 2_000);
            assertThat(j.marketSteps(0, Long.MAX_VALUE)).extracting(MarketStepRecord::time)
                    .containsExactly(2_000L, 3_000L);
        }
    }

    @Test
    void aJournalWithoutShadowsHasNoCheckpoint() {
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            assertThat(j.shadowCheckpoint()).isEmpty();
            assertThat(j.shadowBooks()).isEmpty();
        }
    }
}
