package dev.leash.gateway.loop;

import java.util.List;

/**
 * What the inner loop's order path reports for health: the journal's write state and the symbols held reduce-only.
 *
 * @param journalOk false while a journal write waits in memory to be retried
 * @param failedWrites writes since start that could not be journaled at once (kept in memory, then retried)
 * @param failingSince trading time of the first failed write still unresolved, or {@code Long.MIN_VALUE}
 * @param firstFailure what that write was, or null
 * @param lastResolved the most recent hold released after reconciliation, or null: what happened, after the fact
 * @param lastResolvedAt trading time it was released, or {@code Long.MIN_VALUE}
 */
public record OrderPathHealth(boolean journalOk, int queuedWrites, long failedWrites, long droppedWrites,
                              String firstFailure, String lastError, long failingSince, List<Hold> holds,
                              Hold lastResolved, long lastResolvedAt) {

    /**
     * A symbol held reduce-only.
     *
     * @param cause {@code stale_feed} or {@code unreconciled}
     * @param since trading time the hold began
     */
    public record Hold(String symbol, String cause, String detail, long since) {
    }
}
