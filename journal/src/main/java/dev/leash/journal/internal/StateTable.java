package dev.leash.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/** The {@code kv_state} table: small named values a restart needs, such as the paper account or the clock. */
public final class StateTable {

    private static final String UPSERT = "INSERT INTO kv_state (state_key, state_value) VALUES (?, ?)"
            + " ON CONFLICT (state_key) DO UPDATE SET state_value = excluded.state_value";

    private final Db db;

    public StateTable(Db db) {
        this.db = db;
    }

    public void put(String key, String value) {
        db.write("put state " + key, c -> put(c, key, value));
    }

    /** As {@link #put(String, String)}, inside the caller's transaction on {@code c}. */
    public int put(Connection c, String key, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, key);
            ps.setString(2, value);
            return ps.executeUpdate();
        }
    }

    public Optional<String> get(String key) {
        return db.read("get state " + key, c -> new Select("SELECT state_value FROM kv_state")
                .where("state_key = ?", key)
                .list(c, rs -> rs.getString(1)).stream().findFirst());
    }
}
