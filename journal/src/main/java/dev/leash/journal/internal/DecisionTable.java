package dev.leash.journal.internal;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.Reason;
import dev.leash.engine.ReasonCode;
import dev.leash.engine.Signals;
import dev.leash.risk.Regime;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code decisions} table: every inner-loop decision with its signals (a NaN signal is stored as NULL) and its
 * coded reason (code and numbers, with the English beside it); a row from before reasons were coded reads as text.
 */
public final class DecisionTable {

    private static final String INSERT = "INSERT INTO decisions (id, time_ms, symbol, action, reason, price,"
            + " channel_high, channel_low, rsi, macd_histogram, bollinger_pct_b, volume_ratio, atr,"
            + " realized_volatility, params_version, reason_code, reason_wanted, reason_blocked_by, reason_subject,"
            + " reason_numbers, regime) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
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
                Reason why = d.why();
                boolean coded = why.code() != ReasonCode.TEXT;
                Sql.setText(ps, 16, coded ? why.code().name() : null);
                Sql.setText(ps, 17, why.wanted() == null ? null : why.wanted().name());
                Sql.setText(ps, 18, why.blockedBy() == null ? null : why.blockedBy().name());
                Sql.setText(ps, 19, coded ? why.subject() : null);
                Sql.setText(ps, 20, coded ? encode(why.numbers()) : null);
                Sql.setText(ps, 21, s.regime().wireName());
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
                Sql.getDouble(rs, "realized_volatility"), regime(rs.getString("regime")));
        return new Decision(rs.getLong("time_ms"), rs.getString("symbol"), Action.valueOf(rs.getString("action")),
                reason(rs), s, rs.getLong("params_version"));
    }

    /** The regime label of a row; {@code unknown} for a row journaled without one. */
    private static Regime regime(String wire) {
        for (Regime r : Regime.values()) {
            if (r.wireName().equals(wire)) {
                return r;
            }
        }
        return Regime.UNKNOWN;
    }

    /** The coded reason of a row; a row journaled before V4 (or with a code this build does not know) as text. */
    private static Reason reason(ResultSet rs) throws SQLException {
        String code = rs.getString("reason_code");
        ReasonCode known = code == null ? null : known(ReasonCode.class, code);
        if (known == null) {
            return Reason.text(rs.getString("reason"));
        }
        String wanted = rs.getString("reason_wanted");
        String blockedBy = rs.getString("reason_blocked_by");
        return new Reason(known, decode(rs.getString("reason_numbers")),
                wanted == null ? null : known(Action.class, wanted),
                blockedBy == null ? null : known(ReasonCode.class, blockedBy), rs.getString("reason_subject"));
    }

    private static <E extends Enum<E>> E known(Class<E> type, String name) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code name=value;name=value}, sorted by name; values as {@link Double#toString}, which reads back exactly. */
    static String encode(Map<String, Double> numbers) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Double> e : new TreeMap<>(numbers).entrySet()) {
            b.append(b.length() == 0 ? "" : ";").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    static Map<String, Double> decode(String text) {
        Map<String, Double> out = new HashMap<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(pair.substring(0, eq), Double.parseDouble(pair.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // a damaged number is left out: the reason still reads, with that number NaN
                }
            }
        }
        return out;
    }
}
