package dev.leash.journal.internal;

import dev.leash.journal.EquityPoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code equity} table: at most one point per millisecond; recording a time again replaces its point. */
public final class EquityTable {

    private static final String UPSERT = "INSERT INTO equity (time_ms, equity, wallet_balance, unrealized_pnl)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (time_ms) DO UPDATE SET equity = excluded.equity,"
            + " wallet_balance = excluded.wallet_balance, unrealized_pnl = excluded.unrealized_pnl";

    private final Db db;

    public EquityTable(Db db) {
        this.db = db;
    }

    public void record(long time, double equity, double walletBalance, double unrealizedPnl) {
        db.write("record equity", c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setLong(1, time);
                Sql.setDouble(ps, 2, equity);
                Sql.setDouble(ps, 3, walletBalance);
                Sql.setDouble(ps, 4, unrealizedPnl);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The points with {@code from <= time <= to}, oldest first. When there are more than {@code maxPoints}, returns
     * {@code maxPoints} of them evenly spaced by index, always including the first and the last.
     */
    public List<EquityPoint> curve(long from, long to, int maxPoints) {
        Sql.requirePositive(maxPoints);
        return db.read("read equity curve", c -> {
            long n = new Select("SELECT COUNT(*) FROM equity").where("time_ms >= ? AND time_ms <= ?", from, to)
                    .count(c);
            // LIMIT n: points committed after the count do not shift the sampling.
            Select q = new Select("SELECT * FROM equity").where("time_ms >= ? AND time_ms <= ?", from, to)
                    .then("ORDER BY time_ms LIMIT ?", n);
            if (n <= maxPoints) {
                return q.list(c, EquityTable::map);
            }
            return sample(q, c, n, maxPoints);
        });
    }

    private static List<EquityPoint> sample(Select q, Connection c, long n, int maxPoints)
            throws SQLException {
        List<EquityPoint> out = new ArrayList<>(maxPoints);
        try (PreparedStatement ps = q.prepare(c); ResultSet rs = ps.executeQuery()) {
            long index = 0;
            while (out.size() < maxPoints && rs.next()) {
                if (index == pick(out.size(), n, maxPoints)) {
                    out.add(map(rs));
                }
                index++;
            }
        }
        return out;
    }

    /** The row index of the {@code j}-th sample out of {@code m} from {@code n > m} rows; strictly increasing. */
    static long pick(int j, long n, int m) {
        return m == 1 ? n - 1 : j * (n - 1) / (m - 1);
    }

    /** The time of the newest point, or {@link Long#MIN_VALUE} when there is none. */
    public long newestTime() {
        return db.read("read newest equity time", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(time_ms) FROM equity");
                 ResultSet rs = ps.executeQuery()) {
                long t = rs.next() ? rs.getLong(1) : 0;
                return rs.wasNull() ? Long.MIN_VALUE : t;
            }
        });
    }

    private static EquityPoint map(ResultSet rs) throws SQLException {
        return new EquityPoint(rs.getLong("time_ms"), Sql.getDouble(rs, "equity"),
                Sql.getDouble(rs, "wallet_balance"), Sql.getDouble(rs, "unrealized_pnl"));
    }
}
