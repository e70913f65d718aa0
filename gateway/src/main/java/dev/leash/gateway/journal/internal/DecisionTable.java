package dev.leash.gateway.journal.internal;

import dev.leash.gateway.engine.Action;
import dev.leash.gateway.engine.Decision;
import dev.leash.gateway.engine.Signals;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code decisions} table: every inner-loop decision with its signals; a NaN signal is stored as NULL. */
public final class DecisionTable {

    private static final String INSERT = "INSERT INTO decisions (id, time_ms, symbol, action, reason, price,"
            + " channel_high, channel_low, rsi, macd_histogram, bollinger_pct_b, volume_ratio, atr,"
            + " realized_volatility, params_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT = "SELECT * FROM decisions";
    private static final Signals NO_SIGNALS = new Signals(Double.NaN, Double.NaN, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    private final Db db;

    public DecisionTable(Db db) {
        this.db = db;
    }

    /** Journals {@code d}; null signals are stored, and read back, as all NaN. */
    public void record(Decision d) {
        Signals s = d.signals() == null ? NO_SIGNALS : d.signals();
        db.write("record decision", c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setLong(1, db.nextId(c, "decisions"));
                ps.setLong(2, d.time());
                ps.setString(3, d.symbol());
                ps.setString(4, d.action().name());
                Sql.setText(ps, 5, d.reason());
                double[] values = {s.price(), s.channelHigh(), s.channelLow(), s.rsi(), s.macdHistogram(),
                        s.bollingerPctB(), s.volumeRatio(), s.atr(), s.realizedVolatility()};
                for (int i = 0; i < values.length; i++) {
                    Sql.setDouble(ps, 6 + i, values[i]);
                }
                ps.setLong(15, d.paramsVersion());
                return ps.executeUpdate();
            }
        });
    }

    public List<Decision> newest(String symbolOrNull, int limit) {
        Sql.requirePositive(limit);
        return db.read("read decisions", c -> new Select(SELECT)
                .whereIfPresent("symbol = ?", symbolOrNull)
                .then("ORDER BY time_ms DESC, id DESC LIMIT ?", limit)
                .list(c, DecisionTable::map));
    }

    public List<Decision> since(long time) {
        return db.read("read decisions", c -> new Select(SELECT)
                .where("time_ms >= ?", time)
                .then("ORDER BY time_ms, id")
                .list(c, DecisionTable::map));
    }

    private static Decision map(ResultSet rs) throws SQLException {
        Signals s = new Signals(Sql.getDouble(rs, "price"), Sql.getDouble(rs, "channel_high"),
                Sql.getDouble(rs, "channel_low"), Sql.getDouble(rs, "rsi"), Sql.getDouble(rs, "macd_histogram"),
                Sql.getDouble(rs, "bollinger_pct_b"), Sql.getDouble(rs, "volume_ratio"), Sql.getDouble(rs, "atr"),
                Sql.getDouble(rs, "realized_volatility"));
        return new Decision(rs.getLong("time_ms"), rs.getString("symbol"), Action.valueOf(rs.getString("action")),
                rs.getString("reason"), s, rs.getLong("params_version"));
    }
}
