package dev.leash.journal.internal;

import dev.leash.journal.PruneResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Trims decisions, equity points and position snapshots older than a UTC day, in one transaction, after folding them
 * into daily aggregates ({@code daily_equity}, {@code daily_decisions}; made by migration V7). Orders, fills,
 * events, risk rejections, parameter activations and the state are never trimmed.
 */
public final class Pruning {

    static final long DAY_MILLIS = 86_400_000L;

    private static final String EQUITY = "INSERT INTO daily_equity (day_ms, open_equity, close_equity, low_equity,"
            + " high_equity, points) SELECT d.day * " + DAY_MILLIS + ", o.equity, c.equity, d.lo, d.hi, d.n FROM"
            + " (SELECT time_ms / " + DAY_MILLIS + " AS day, MIN(time_ms) AS first_ms, MAX(time_ms) AS last_ms,"
            + " MIN(equity) AS lo, MAX(equity) AS hi, COUNT(*) AS n FROM equity WHERE time_ms < ?"
            + " GROUP BY time_ms / " + DAY_MILLIS + ") d JOIN equity o ON o.time_ms = d.first_ms"
            + " JOIN equity c ON c.time_ms = d.last_ms WHERE d.n > 0 ON CONFLICT (day_ms) DO NOTHING";
    private static final String DECISIONS = "INSERT INTO daily_decisions (day_ms, symbol, action, decisions)"
            + " SELECT (time_ms / " + DAY_MILLIS + ") * " + DAY_MILLIS + ", symbol, action, COUNT(*) FROM decisions"
            + " WHERE time_ms < ? GROUP BY (time_ms / " + DAY_MILLIS + ") * " + DAY_MILLIS + ", symbol, action"
            + " ON CONFLICT (day_ms, symbol, action) DO NOTHING";
    private static final String OLD_SNAPSHOTS = "SELECT id FROM position_snapshots WHERE time_ms < ?"
            + " AND id < (SELECT MAX(id) FROM position_snapshots)";

    private final Db db;

    public Pruning(Db db) {
        this.db = db;
    }

    /** Trims what is older than the UTC day that contains {@code beforeMillis}. */
    public PruneResult prune(long beforeMillis) {
        long cutoff = Math.floorDiv(beforeMillis, DAY_MILLIS) * DAY_MILLIS;
        return db.write("prune before " + cutoff, c -> {
            update(c, EQUITY, cutoff);
            update(c, DECISIONS, cutoff);
            long decisions = update(c, "DELETE FROM decisions WHERE time_ms < ?", cutoff);
            long equity = update(c, "DELETE FROM equity WHERE time_ms < ?", cutoff);
            update(c, "DELETE FROM snapshot_positions WHERE snapshot_id IN (" + OLD_SNAPSHOTS + ")", cutoff);
            long snapshots = update(c, "DELETE FROM position_snapshots WHERE id IN (SELECT id FROM ("
                    + OLD_SNAPSHOTS + ") old)", cutoff);
            return new PruneResult(cutoff, decisions, equity, snapshots);
        });
    }

    private static long update(Connection c, String sql, long cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, cutoff);
            return ps.executeUpdate();
        }
    }
}
