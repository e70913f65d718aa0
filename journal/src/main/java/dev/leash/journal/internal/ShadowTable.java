package dev.leash.journal.internal;

import dev.leash.journal.MarketStepRecord;
import dev.leash.journal.ShadowBookRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The {@code shadow_books} and {@code market_steps} tables, and the shadow checkpoint in {@code kv_state}. */
public final class ShadowTable {

    /** The kv_state key of the checkpoint a restart resumes the shadow books from. */
    public static final String CHECKPOINT_KEY = "shadow_checkpoint";

    private static final String UPSERT_STATE = "INSERT INTO kv_state (state_key, state_value) VALUES (?, ?)"
            + " ON CONFLICT (state_key) DO UPDATE SET state_value = excluded.state_value";
    private static final String UPSERT_BOOK = "INSERT INTO shadow_books (name, since_ms, params_version, active,"
            + " updated_ms, start_equity, equity, net_pnl, return_pct, max_drawdown_pct, trades, flags)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name, since_ms) DO UPDATE SET"
            + " params_version = excluded.params_version, active = excluded.active, updated_ms = excluded.updated_ms,"
            + " start_equity = excluded.start_equity, equity = excluded.equity, net_pnl = excluded.net_pnl,"
            + " return_pct = excluded.return_pct, max_drawdown_pct = excluded.max_drawdown_pct,"
            + " trades = excluded.trades, flags = excluded.flags WHERE shadow_books.active = 1";
    private static final String UPSERT_STEP = "INSERT INTO market_steps (time_ms, step) VALUES (?, ?)"
            + " ON CONFLICT (time_ms) DO UPDATE SET step = excluded.step";

    private final Db db;

    public ShadowTable(Db db) {
        this.db = db;
    }

    /**
     * Writes the checkpoint, the books (a retired book's row is final: later writes leave it) and the steps, and prunes the
     * steps before {@code keepStepsFrom}, at once.
     */
    public void save(String checkpoint, List<ShadowBookRecord> books, List<MarketStepRecord> steps,
                     long keepStepsFrom) {
        db.write("save shadow checkpoint", c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_STATE)) {
                ps.setString(1, CHECKPOINT_KEY);
                ps.setString(2, checkpoint);
                ps.executeUpdate();
            }
            for (ShadowBookRecord b : books) {
                upsert(c, b);
            }
            try (PreparedStatement ps = c.prepareStatement(UPSERT_STEP)) {
                for (MarketStepRecord s : steps) {
                    ps.setLong(1, s.time());
                    ps.setString(2, s.step());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM market_steps WHERE time_ms < ?")) {
                ps.setLong(1, keepStepsFrom);
                return ps.executeUpdate();
            }
        });
    }

    private static void upsert(Connection c, ShadowBookRecord b) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT_BOOK)) {
            ps.setString(1, b.name());
            ps.setLong(2, b.since());
            ps.setLong(3, b.paramsVersion());
            Sql.setBool(ps, 4, b.active());
            ps.setLong(5, b.updatedAt());
            Sql.setDouble(ps, 6, b.startEquity());
            Sql.setDouble(ps, 7, b.equity());
            Sql.setDouble(ps, 8, b.netPnl());
            Sql.setDouble(ps, 9, b.returnPct());
            Sql.setDouble(ps, 10, b.maxDrawdownPct());
            ps.setLong(11, b.trades());
            ps.setString(12, String.join("\n", b.flags()));
            ps.executeUpdate();
        }
    }

    public Optional<String> checkpoint() {
        return db.read("read shadow checkpoint", c -> new Select("SELECT state_value FROM kv_state")
                .where("state_key = ?", CHECKPOINT_KEY)
                .list(c, rs -> rs.getString(1)).stream().findFirst());
    }

    /** Every journaled book, oldest start first; {@code activeOrNull} keeps only running (or only retired) ones. */
    public List<ShadowBookRecord> books(Boolean activeOrNull) {
        return db.read("read shadow books", c -> new Select("SELECT name, since_ms, params_version, active,"
                + " updated_ms, start_equity, equity, net_pnl, return_pct, max_drawdown_pct, trades, flags"
                + " FROM shadow_books")
                .whereIfPresent("active = ?", activeOrNull == null ? null : activeOrNull ? 1 : 0)
                .then("ORDER BY since_ms, name")
                .list(c, rs -> new ShadowBookRecord(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        Sql.getBool(rs, "active"), rs.getLong(5), Sql.getDouble(rs, "start_equity"),
                        Sql.getDouble(rs, "equity"), Sql.getDouble(rs, "net_pnl"), Sql.getDouble(rs, "return_pct"),
                        Sql.getDouble(rs, "max_drawdown_pct"), rs.getLong(11), flags(rs.getString(12)))));
    }

    private static List<String> flags(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    /** The steps with {@code from <= time <= to}, oldest first. */
    public List<MarketStepRecord> steps(long from, long to) {
        return db.read("read market steps", c -> new Select("SELECT time_ms, step FROM market_steps")
                .where("time_ms >= ?", from).where("time_ms <= ?", to)
                .then("ORDER BY time_ms")
                .list(c, rs -> new MarketStepRecord(rs.getLong(1), rs.getString(2))));
    }
}
