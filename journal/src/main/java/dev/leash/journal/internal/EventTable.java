package dev.leash.journal.internal;

import dev.leash.journal.JournalEvent;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code events} table: state changes, reconciliation differences, parameter reloads, faults. */
public final class EventTable {

    private final Db db;

    public EventTable(Db db) {
        this.db = db;
    }

    public void record(long time, String kind, String message) {
        db.write("record event " + kind, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO events (id, time_ms, kind, message) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, db.nextId(c, "events"));
                ps.setLong(2, time);
                ps.setString(3, kind);
                ps.setString(4, message);
                return ps.executeUpdate();
            }
        });
    }

    public List<JournalEvent> newest(String kindOrNull, int limit) {
        Sql.requirePositive(limit);
        return db.read("read events", c -> new Select("SELECT time_ms, kind, message FROM events")
                .whereIfPresent("kind = ?", kindOrNull)
                .then("ORDER BY time_ms DESC, id DESC LIMIT ?", limit)
                .list(c, EventTable::map));
    }

    private static JournalEvent map(ResultSet rs) throws SQLException {
        return new JournalEvent(rs.getLong("time_ms"), rs.getString("kind"), rs.getString("message"));
    }
}
