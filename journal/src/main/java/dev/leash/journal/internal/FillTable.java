package dev.leash.journal.internal;

import dev.leash.journal.FillAttribution;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code fills} table: one row per venue fill id, with the parameter version it is credited to
 * ({@link Attribution}), worked out in the transaction that records it from the symbol's fills before it. A fill
 * journaled late (before fills already journaled) re-attributes the symbol's later fills in the same transaction;
 * fills of the same millisecond count in the order they were journaled.
 * A fill recorded with an unknown (NaN, stored NULL) realized P&L gets it from the first later record that knows it.
 */
public final class FillTable {

    private static final String INSERT = "INSERT INTO fills (fill_id, client_order_id, venue_order_id, symbol, side,"
            + " qty, price, fee, realized_pnl, time_ms, maker, params_version, opened_by_version, closed_qty,"
            + " position_after, position_opened_by, seq)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM fills))"
            + " ON CONFLICT (fill_id) DO NOTHING";
    private static final String SELECT = "SELECT * FROM fills";
    private static final String BEFORE = "SELECT opened_by_version, closed_qty, position_after, position_opened_by"
            + " FROM fills WHERE symbol = ? AND position_after IS NOT NULL AND time_ms <= ? AND fill_id <> ?"
            + " ORDER BY time_ms DESC, seq DESC LIMIT 1";
    private static final String LATER = "SELECT f.fill_id, f.side, f.qty, f.params_version,"
            + " COALESCE(o.reduce_only, 0) FROM fills f LEFT JOIN orders o ON o.client_order_id = f.client_order_id"
            + " WHERE f.symbol = ? AND f.time_ms > ? ORDER BY f.time_ms, f.seq";
    private static final String UPDATE = "UPDATE fills SET opened_by_version = ?, closed_qty = ?, position_after = ?,"
            + " position_opened_by = ? WHERE fill_id = ?";

    private final Db db;

    public FillTable(Db db) {
        this.db = db;
    }

    /** Returns true when the fill was new, false when its id was already journaled. */
    public boolean record(Fill f, long paramsVersion) {
        return db.write("record fill " + f.fillId(), c -> record(c, f, paramsVersion));
    }

    /** As {@link #record(Fill, long)}, inside the caller's transaction on {@code c}. */
    public boolean record(Connection c, Fill f, long paramsVersion) throws SQLException {
        Attribution a = Attribution.next(before(c, f.symbol(), f.time(), f.fillId()),
                f.side().sign() * f.qty(), paramsVersion, reduceOnly(c, f.clientOrderId()));
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
            setAttribution(ps, 13, a);
            if (ps.executeUpdate() == 0) {
                fillInLatePnl(c, f);
                return false;
            }
        }
        reattributeLater(c, f, a);
        return true;
    }

    /** The parameter version of the journaled order {@code clientOrderId}, or null when it is not journaled. */
    public static Long orderParamsVersion(Connection c, String clientOrderId) throws SQLException {
        if (clientOrderId == null || clientOrderId.isEmpty()) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT params_version FROM orders WHERE client_order_id = ?")) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** A venue may publish a fill's realized P&L after the fill (Bybit's closed-pnl): set it once, when known. */
    private static void fillInLatePnl(Connection c, Fill f) throws SQLException {
        if (!Double.isFinite(f.realizedPnl())) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE fills SET realized_pnl = ? WHERE fill_id = ? AND realized_pnl IS NULL")) {
            ps.setDouble(1, f.realizedPnl());
            ps.setString(2, f.fillId());
            ps.executeUpdate();
        }
    }

    /** The symbol's position after its last attributed fill before {@code time}; 0 when there is none. */
    public double positionBefore(String symbol, long time) {
        return db.read("read position of " + symbol, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position_after FROM fills WHERE symbol = ?"
                    + " AND time_ms < ? AND position_after IS NOT NULL ORDER BY time_ms DESC, seq DESC LIMIT 1")) {
                ps.setString(1, symbol);
                ps.setLong(2, time);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getDouble(1) : 0.0;
                }
            }
        });
    }

    /** How the fill {@code fillId} is attributed, if it is journaled. */
    public Optional<FillAttribution> attribution(String fillId) {
        return db.read("read fill " + fillId, c -> new Select("SELECT fill_id, params_version, opened_by_version,"
                + " closed_qty, position_after FROM fills").where("fill_id = ?", fillId)
                .list(c, rs -> {
                    long made = rs.getLong("params_version");
                    long opened = rs.getLong("opened_by_version");
                    boolean before = rs.wasNull(); // journaled before attribution: credited where it was made
                    return new FillAttribution(rs.getString("fill_id"), made, before ? made : opened,
                            Sql.getDouble(rs, "closed_qty"), Sql.getDouble(rs, "position_after"));
                }).stream().findFirst());
    }

    private static Attribution before(Connection c, String symbol, long time, String fillId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(BEFORE)) {
            ps.setString(1, symbol);
            ps.setLong(2, time);
            ps.setString(3, fillId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Attribution.FLAT;
                }
                long openedBy = rs.getLong(4);
                if (rs.wasNull()) {
                    openedBy = Attribution.NONE;
                }
                return new Attribution(rs.getLong(1), rs.getDouble(2), rs.getDouble(3), openedBy);
            }
        }
    }

    private static boolean reduceOnly(Connection c, String clientOrderId) throws SQLException {
        if (clientOrderId == null || clientOrderId.isEmpty()) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT reduce_only FROM orders WHERE client_order_id = ?")) {
            ps.setString(1, clientOrderId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    /** A fill journaled before fills already there changes what those fills close: work them out again. */
    private static void reattributeLater(Connection c, Fill f, Attribution after) throws SQLException {
        Attribution a = after;
        try (PreparedStatement later = c.prepareStatement(LATER);
             PreparedStatement update = c.prepareStatement(UPDATE)) {
            later.setString(1, f.symbol());
            later.setLong(2, f.time());
            try (ResultSet rs = later.executeQuery()) {
                while (rs.next()) {
                    double signed = Side.valueOf(rs.getString(2)).sign() * rs.getDouble(3);
                    a = Attribution.next(a, signed, rs.getLong(4), rs.getInt(5) == 1);
                    setAttribution(update, 1, a);
                    update.setString(5, rs.getString(1));
                    update.addBatch();
                }
            }
            update.executeBatch();
        }
    }

    private static void setAttribution(PreparedStatement ps, int index, Attribution a) throws SQLException {
        ps.setLong(index, a.openedBy());
        ps.setDouble(index + 1, a.closedQty());
        ps.setDouble(index + 2, a.positionAfter());
        if (a.positionOpenedBy() == Attribution.NONE) {
            ps.setNull(index + 3, java.sql.Types.BIGINT);
        } else {
            ps.setLong(index + 3, a.positionOpenedBy());
        }
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
