package dev.leash.journal;

import java.util.Objects;

/**
 * One stage a proposed strategy reached, as journaled.
 *
 * @param stage  proposed, rejected, shadowing, promoted or retired
 * @param time   trading time the stage was reached
 * @param detail the stage's figures and reasons, a JSON object
 */
public record StrategyStageRecord(long strategyId, String stage, long time, String detail) {

    public StrategyStageRecord {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(detail, "detail");
    }
}
