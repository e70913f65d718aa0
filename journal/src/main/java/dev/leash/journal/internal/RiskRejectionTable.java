package dev.leash.journal.internal;

import dev.leash.engine.RiskRejection;
import dev.leash.risk.OrderReject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code risk_rejections} table: orders the pre-trade check refused. */
public final class RiskRejectionTable {

    private static final String INSERT = "INSERT INTO risk_rejections"
            + " (id, time_ms, symbol, signed_qty, price, reason, params_version) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final Db db;

    public RiskRejectionTable(Db db) {
        this.db = db;
    }

    public void record(RiskRejection r) {
        db.write("record risk rejection", c -> {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                ps.setLong(1, db.nextId(c, "risk_rejections"));
                ps.setLong(2, r.time());
                ps.setString(3, r.symbol());
                Sql.setDouble(ps, 4, r.signedQty());
                Sql.setDouble(ps, 5, r.price());
                ps.setString(6, r.reason().name());
                ps.setLong(7, r.paramsVersion());
                return ps.executeUpdate();
            }
        });
    }

    public List<RiskRejection> newest(int limit) {
        Sql.requirePositive(limit);
        return db.read("read risk rejections", c -> new Select("SELECT * FROM risk_rejections")
                .then("ORDER BY time_ms DESC, id DESC LIMIT ?", limit)
                .list(c, RiskRejectionTable::map));
    }

    private static RiskRejection map(ResultSet rs) throws SQLException {
        return new RiskRejection(rs.getLong("time_ms"), rs.getString("symbol"), Sql.getDouble(rs, "signed_qty"),
                Sql.getDouble(rs, "price"), OrderReject.valueOf(rs.getString("reason")), rs.getLong("params_version"));
    }
}
