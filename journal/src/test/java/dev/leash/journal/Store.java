package dev.leash.journal;

import dev.leash.testsupport.EmbeddedPostgresServer;

import dev.leash.journal.internal.Db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** One empty test database: its URL, the options that reach it, and raw SQL access through a connection of its own. */
record Store(Backend backend, String url, JournalOptions options, Path dir) {

    private static final AtomicInteger SQLITE_FILES = new AtomicInteger();

    static Store sqlite(Path dir) {
        return new Store(Backend.SQLITE, Journal.sqliteUrl(dir), JournalOptions.DEFAULTS, dir);
    }

    static Store postgres(EmbeddedPostgresServer.Database db) {
        return new Store(Backend.POSTGRESQL, db.url(), JournalOptions.DEFAULTS.withCredentials(db.user(),
                db.password()), null);
    }

    Journal open() {
        return Journal.open(url, options);
    }

    Db openDb() {
        return Db.open(url, options, System::nanoTime);
    }

    /** Another empty database of the same kind. */
    Store another() {
        if (backend == Backend.SQLITE) {
            Path other = dir.resolve("other-" + SQLITE_FILES.incrementAndGet());
            try {
                java.nio.file.Files.createDirectories(other);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return sqlite(other);
        }
        return postgres(EmbeddedPostgresServer.shared().createDatabase());
    }

    Connection connect() throws SQLException {
        return options.user() == null ? DriverManager.getConnection(url)
                : DriverManager.getConnection(url, options.user(), options.password());
    }

    /**
     * Runs one statement on its own connection and returns the first column of the first row, or null; whole
     * numbers come back as Integer when they fit, else Long, on both databases.
     */
    Object query(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? normalize(rs.getObject(1)) : null;
            }
        }
    }

    private static Object normalize(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            long l = ((Number) v).longValue();
            return l == (int) l ? (Object) (int) l : (Object) l;
        }
        return v;
    }

    @Override
    public String toString() {
        return backend.name();
    }
}
