package dev.leash.journal.internal;

import dev.leash.journal.BookFill;
import dev.leash.journal.ShadowRun;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code shadow_runs} and {@code shadow_fills} tables, and the live book's fills read as {@link BookFill}s. */
public final class ShadowRunTable {

    private final Db db;

    public ShadowRunTable(Db db) {
        this.db = db;
    }

    /** Records the start of a run and returns its id. */
    public long start(String name, String kind, long paramsVersion, long liveVersion, long since, double equity) {
        return db.write("record shadow run " + name, c -> {
            long id = db.nextId(c, "shadow_runs");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shadow_runs (id, name, kind, params_version,"
                    + " live_version, since_ms, start_equity, retired_ms) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")) {
                ps.setLong(1, id);
                ps.setString(2, name);
                ps.setString(3, kind);
                ps.setLong(4, paramsVersion);
                ps.setLong(5, liveVersion);
                ps.setLong(6, since);
                Sql.setDouble(ps, 7, equity);
                ps.executeUpdate();
            }
            return id;
        });
    }

    public void retire(long runId, long time) {
        db.write("record shadow retirement " + runId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE shadow_runs SET retired_ms = ? WHERE id = ? AND retired_ms IS NULL")) {
                ps.setLong(1, time);
                ps.setLong(2, runId);
                return ps.executeUpdate();
            }
        });
    }

    public void fill(long runId, String shadow, long paramsVersion, Fill f, double positionAfter) {
        db.write("record shadow fill " + f.fillId(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO shadow_fills (id, run_id, shadow,"
                    + " params_version, fill_id, symbol, side, qty, price, fee, realized_pnl, time_ms, position_after)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, db.nextId(c, "shadow_fills"));
                ps.setLong(2, runId);
                ps.setString(3, shadow);
                ps.setLong(4, paramsVersion);
                ps.setString(5, f.fillId());
                ps.setString(6, f.symbol());
                ps.setString(7, f.side().name());
                ps.setDouble(8, f.qty());
                ps.setDouble(9, f.price());
                Sql.setDouble(ps, 10, f.fee());
                Sql.setDouble(ps, 11, f.realizedPnl());
                ps.setLong(12, f.time());
                ps.setDouble(13, positionAfter);
                return ps.executeUpdate();
            }
        });
    }

    /** Runs that overlap {@code [from, to]}, oldest first. */
    public List<ShadowRun> runs(long from, long to) {
        return db.read("read shadow runs", c -> new Select("SELECT * FROM shadow_runs")
                .where("since_ms <= ?", to)
                .where("(retired_ms IS NULL OR retired_ms >= ?)", from)
                .then("ORDER BY since_ms, id")
                .list(c, rs -> {
                    long retired = rs.getLong("retired_ms");
                    boolean active = rs.wasNull();
                    return new ShadowRun(rs.getLong("id"), rs.getString("name"), rs.getString("kind"),
                            rs.getLong("params_version"), rs.getLong("live_version"), rs.getLong("since_ms"),
                            Sql.getDouble(rs, "start_equity"), active ? ShadowRun.ACTIVE : retired);
                }));
    }

    /** The fills of one run with {@code from <= time <= to}, in the order they were made. */
    public List<BookFill> fills(long runId, long from, long to) {
        return db.read("read shadow fills", c -> new Select("SELECT * FROM shadow_fills")
                .where("run_id = ?", runId)
                .where("time_ms >= ? AND time_ms <= ?", from, to)
                .then("ORDER BY time_ms, id")
                .list(c, rs -> new BookFill(runId, rs.getLong("params_version"), rs.getLong("time_ms"),
                        rs.getString("symbol"), signed(rs), rs.getDouble("price"), Sql.getDouble(rs, "fee"),
                        Sql.getDouble(rs, "realized_pnl"), rs.getDouble("position_after"))));
    }

    /** The live book's fills with {@code from <= time <= to} that the journal attributed, in the order it learned them. */
    public List<BookFill> liveFills(long from, long to) {
        return db.read("read live fills", c -> new Select("SELECT * FROM fills")
                .where("time_ms >= ? AND time_ms <= ?", from, to)
                .where("position_after IS NOT NULL")
                .then("ORDER BY time_ms, seq")
                .list(c, rs -> new BookFill(0, rs.getLong("params_version"), rs.getLong("time_ms"),
                        rs.getString("symbol"), signed(rs), rs.getDouble("price"), Sql.getDouble(rs, "fee"),
                        Sql.getDouble(rs, "realized_pnl"), rs.getDouble("position_after"))));
    }

    private static double signed(ResultSet rs) throws SQLException {
        return Side.valueOf(rs.getString("side")).sign() * rs.getDouble("qty");
    }
}
