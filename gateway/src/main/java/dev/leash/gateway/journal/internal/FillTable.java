package dev.leash.gateway.journal.internal;

import dev.leash.gateway.venue.Fill;
import dev.leash.gateway.venue.Side;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code fills} table: one row per venue fill id. */
public final class FillTable {

    private static final String INSERT = "INSERT INTO fills (fill_id, client_order_id, venue_order_id, symbol, side,"
            + " qty, price, fee, realized_pnl, time_ms, maker, params_version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (fill_id) DO NOTHING";
    private static final String SELECT = "SELECT * FROM fills";

    private final Db db;

    public FillTable(Db db) {
        this.db = db;
    }

    /** Returns true when the fill was new, false when its id was already journaled. */
    public boolean record(Fill f, long paramsVersion) {
        return db.write("record fill " + f.fillId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setString(1, f.fillId());
                Sql.setText(ps, 2, f.clientOrderId());
                Sql.setText(ps, 3, f.venueOrderId());
                ps.setString(4, f.symbol());
                ps.setString(5, f.side().name());
                Sql.setDouble(ps, 6, f.qty());
                Sql.setDouble(ps, 7, f.price());
                Sql.setDouble(ps, 8, f.fee());
                Sql.setDouble(ps, 9, f.realizedPnl());
                ps.setLong(10, f.time());
                Sql.setBool(ps, 11, f.maker());
                ps.setLong(12, paramsVersion);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<Fill> newest(String symbolOrNull, long sinceMillis, int limit) {
        Sql.requirePositive(limit);
        return db.read("read fills", c -> new Select(SELECT)
                .where("time_ms >= ?", sinceMillis)
                .whereIfPresent("symbol = ?", symbolOrNull)
                .then("ORDER BY time_ms DESC, fill_id DESC LIMIT ?", limit)
                .list(c, FillTable::map));
    }

    public List<Fill> between(long from, long to) {
        return db.read("read fills", c -> new Select(SELECT)
                .where("time_ms >= ? AND time_ms <= ?", from, to)
                .then("ORDER BY time_ms, fill_id")
                .list(c, FillTable::map));
    }

    private static Fill map(ResultSet rs) throws SQLException {
        return new Fill(rs.getString("fill_id"), rs.getString("client_order_id"), rs.getString("venue_order_id"),
                rs.getString("symbol"), Side.valueOf(rs.getString("side")), Sql.getDouble(rs, "qty"),
                Sql.getDouble(rs, "price"), Sql.getDouble(rs, "fee"), Sql.getDouble(rs, "realized_pnl"),
                rs.getLong("time_ms"), Sql.getBool(rs, "maker"));
    }
}
