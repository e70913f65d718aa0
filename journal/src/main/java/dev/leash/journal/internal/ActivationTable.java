package dev.leash.journal.internal;

import dev.leash.journal.FillStats;
import dev.leash.journal.ParamsActivation;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code params_activations} table, and fill statistics grouped by the version credited with them. */
public final class ActivationTable {

    private final Db db;

    public ActivationTable(Db db) {
        this.db = db;
    }

    public void record(ParamsActivation a) {
        db.write("record params activation " + a.version(), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO params_activations"
                    + " (id, version, trading_time_ms, wall_time_ms) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, db.nextId(c, "params_activations"));
                ps.setLong(2, a.version());
                ps.setLong(3, a.tradingTime());
                ps.setLong(4, a.wallTime());
                return ps.executeUpdate();
            }
        });
    }

    public List<ParamsActivation> all() {
        return db.read("read params activations", c -> new Select(
                "SELECT version, trading_time_ms, wall_time_ms FROM params_activations")
                .then("ORDER BY trading_time_ms, id")
                .list(c, rs -> new ParamsActivation(rs.getLong(1), rs.getLong(2), rs.getLong(3))));
    }

    public Map<Long, FillStats> fillStatsByVersion() {
        return db.read("read fill stats", c -> {
            Map<Long, FillStats> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(opened_by_version, params_version) v,"
                    + " COUNT(*), SUM(CASE WHEN closed_qty > 0 OR (closed_qty IS NULL AND realized_pnl <> 0)"
                    + " THEN 1 ELSE 0 END), COALESCE(SUM(realized_pnl), 0), COALESCE(SUM(fee), 0) FROM fills"
                    + " GROUP BY COALESCE(opened_by_version, params_version) ORDER BY v");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), new FillStats(rs.getLong(2), rs.getLong(3), rs.getDouble(4),
                            rs.getDouble(5)));
                }
            }
            return out;
        });
    }
}
