package dev.leash.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class JournalStrategyStagesTest {

    @TempDir
    Path dir;

    @Test
    void stagesSurviveAReopenInStrategyThenTimeOrder() {
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            j.recordStrategyStage(new StrategyStageRecord(2, "proposed", 5_000, "{\"b\":1}"));
            j.recordStrategyStage(new StrategyStageRecord(1, "proposed", 1_000, "{\"a\":1}"));
            j.recordStrategyStage(new StrategyStageRecord(1, "rejected", 2_000, "{\"reasons\":[]}"));
        }
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            assertThat(j.strategyStages()).containsExactly(
                    new StrategyStageRecord(1, "proposed", 1_000, "{\"a\":1}"),
                    new StrategyStageRecord(1, "rejected", 2_000, "{\"reasons\":[]}"),
                    new StrategyStageRecord(2, "proposed", 5_000, "{\"b\":1}"));
        }
    }

    @Test
    void aStageIsRecordedOnlyOncePerStrategy() {
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            j.recordStrategyStage(new StrategyStageRecord(1, "promoted", 1_000, "{}"));
            assertThatThrownBy(() -> j.recordStrategyStage(new StrategyStageRecord(1, "promoted", 2_000, "{}")))
                    .isInstanceOf(JournalException.class);
            assertThat(j.strategyStages()).hasSize(1);
        }
    }
}
