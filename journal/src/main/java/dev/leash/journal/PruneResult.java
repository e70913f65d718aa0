package dev.leash.journal;

/**
 * What {@link Journal#prune} removed and kept.
 *
 * @param before the cutoff used: the start of a UTC day, epoch ms; rows older than it were trimmed
 * @param decisions decision rows deleted (their counts per day, symbol and action are in {@code daily_decisions})
 * @param equityPoints equity points deleted (each day's open, close, low and high are in {@code daily_equity})
 * @param positionSnapshots position snapshots deleted (the newest is always kept)
 */
public record PruneResult(long before, long decisions, long equityPoints, long positionSnapshots) {
}
