package dev.leash.journal.internal;

import dev.leash.journal.PositionSnapshot;
import dev.leash.venue.Position;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The {@code position_snapshots} and {@code snapshot_positions} tables; a flat snapshot has no position rows. */
public final class PositionTable {

    private final Db db;

    public PositionTable(Db db) {
        this.db = db;
    }

    public void record(long time, List<Position> positions) {
        db.write("record positions", c -> {
            long id = db.nextId(c, "position_snapshots");
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO position_snapshots (id, time_ms) VALUES (?, ?)")) {
                ps.setLong(1, id);
                ps.setLong(2, time);
                ps.executeUpdate();
            }
            insertPositions(c, id, positions);
            return null;
        });
    }

    private static void insertPositions(Connection c, long id, List<Position> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot_positions (snapshot_id, symbol,"
                + " qty, entry_price, mark_price, unrealized_pnl) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (Position p : positions) {
                ps.setLong(1, id);
                ps.setString(2, p.symbol());
                Sql.setDouble(ps, 3, p.qty());
                Sql.setDouble(ps, 4, p.entryPrice());
                Sql.setDouble(ps, 5, p.markPrice());
                Sql.setDouble(ps, 6, p.unrealizedPnl());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The snapshot with the latest time (the last recorded among equal times), if any. */
    public Optional<PositionSnapshot> latest() {
        return db.read("read positions", c -> {
            List<long[]> head = new Select("SELECT id, time_ms FROM position_snapshots")
                    .then("ORDER BY time_ms DESC, id DESC LIMIT 1")
                    .list(c, rs -> new long[] {rs.getLong("id"), rs.getLong("time_ms")});
            if (head.isEmpty()) {
                return Optional.empty();
            }
            List<Position> positions = new Select("SELECT * FROM snapshot_positions")
                    .where("snapshot_id = ?", head.get(0)[0])
                    .then("ORDER BY symbol")
                    .list(c, PositionTable::map);
            return Optional.of(new PositionSnapshot(head.get(0)[1], positions));
        });
    }

    private static Position map(ResultSet rs) throws SQLException {
        return new Position(rs.getString("symbol"), Sql.getDouble(rs, "qty"), Sql.getDouble(rs, "entry_price"),
                Sql.getDouble(rs, "mark_price"), Sql.getDouble(rs, "unrealized_pnl"));
    }
}
