package dev.leash.journal.internal;

import dev.leash.journal.JournalException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class DbTest {

    @TempDir
    Path dir;

    @Test
    void writesWithFullSyncInWalModeAndReadsQueryOnly() {
        try (Db db = Db.open("jdbc:sqlite:" + dir.resolve("d.db"))) {
            String synchronous = db.write("pragma", c -> first(c, "PRAGMA synchronous"));
            String journalMode = db.write("pragma", c -> first(c, "PRAGMA journal_mode"));
            String busyTimeout = db.read("pragma", c -> first(c, "PRAGMA busy_timeout"));

            assertThat(synchronous).as("FULL").isEqualTo("2");
            assertThat(journalMode).isEqualTo("wal");
            assertThat(busyTimeout).isEqualTo(String.valueOf(Db.BUSY_TIMEOUT_MILLIS));
            assertThatThrownBy(() -> db.read("write on reader", c -> c.createStatement()
                    .execute("CREATE TABLE t (x INTEGER)"))).isInstanceOf(JournalException.class);
        }
    }

    @Test
    void rollsBackAFailedWrite() {
        try (Db db = Db.open("jdbc:sqlite:" + dir.resolve("d.db"))) {
            db.write("create", c -> c.createStatement().execute("CREATE TABLE t (x INTEGER PRIMARY KEY)"));

            assertThatThrownBy(() -> db.write("insert twice", c -> {
                c.createStatement().execute("INSERT INTO t (x) VALUES (1)");
                return c.createStatement().execute("INSERT INTO t (x) VALUES (1)");
            })).isInstanceOf(JournalException.class).hasMessageStartingWith("insert twice failed");

            String count = db.read("count", c -> first(c, "SELECT COUNT(*) FROM t"));
            assertThat(count).isEqualTo("0");
        }
    }

    @Test
    void hidesTheQueryStringOfAUrl() {
        assertThat(Db.redact("jdbc:postgresql://h/db?user=u&password=p")).isEqualTo("jdbc:postgresql://h/db?...");
        assertThat(Db.isInMemorySqlite("jdbc:sqlite::memory:")).isTrue();
        assertThat(Db.isInMemorySqlite("jdbc:sqlite:file:x?mode=memory&cache=shared")).isTrue();
        assertThat(Db.isInMemorySqlite("jdbc:sqlite:/tmp/journal.db")).isFalse();
    }

    private static String first(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
