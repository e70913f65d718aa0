package dev.leash.journal.internal;

import dev.leash.journal.StrategyStageRecord;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** The {@code strategy_stages} table: the promotion pipeline's ledger, append-only. */
public final class StrategyStageTable {

    private final Db db;

    public StrategyStageTable(Db db) {
        this.db = db;
    }

    /** Appends one stage; committed when this returns. A stage a strategy already reached is an error. */
    public void record(StrategyStageRecord r) {
        db.write("record strategy " + r.strategyId() + " " + r.stage(), c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO strategy_stages (strategy_id, stage, time_ms, detail) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, r.strategyId());
                ps.setString(2, r.stage());
                ps.setLong(3, r.time());
                ps.setString(4, r.detail());
                return ps.executeUpdate();
            }
        });
    }

    /** Every stage, by strategy then time. */
    public List<StrategyStageRecord> all() {
        return db.read("read strategy stages", c -> {
            List<StrategyStageRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT strategy_id, stage, time_ms, detail"
                    + " FROM strategy_stages ORDER BY strategy_id, time_ms");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new StrategyStageRecord(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)));
                }
            }
            return out;
        });
    }
}
