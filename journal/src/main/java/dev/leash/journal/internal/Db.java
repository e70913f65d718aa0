package dev.leash.journal.internal;

import dev.leash.journal.JournalException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The journal's two JDBC connections: one writer, used under {@code writeLock}, whose every unit of work is one
 * committed transaction; one reader, used under {@code readLock}. An in-memory SQLite database cannot be shared
 * by two connections, so there the reader is the writer and both locks are the same.
 */
public final class Db implements AutoCloseable {

    /** Milliseconds a SQLite connection waits for a lock before failing with SQLITE_BUSY. */
    public static final int BUSY_TIMEOUT_MILLIS = 10_000;

    /** Work done with a connection. */
    @FunctionalInterface
    public interface Work<T> {
        T apply(Connection c) throws SQLException;
    }

    private final String url;
    private final Connection writer;
    private final Connection reader;
    private final ReentrantLock writeLock;
    private final ReentrantLock readLock;
    private final Map<String, Long> nextIds = new HashMap<>();
    private volatile boolean closed;

    private Db(String url, Connection writer, Connection reader, ReentrantLock writeLock, ReentrantLock readLock) {
        this.url = url;
        this.writer = writer;
        this.reader = reader;
        this.writeLock = writeLock;
        this.readLock = readLock;
    }

    /** Connects to {@code jdbcUrl}; for SQLite, turns on WAL, {@code synchronous=FULL} and a busy timeout. */
    public static Db open(String jdbcUrl) {
        Connection writer = null;
        try {
            writer = connect(jdbcUrl, false);
            writer.setAutoCommit(false);
            if (isInMemorySqlite(jdbcUrl)) {
                ReentrantLock lock = new ReentrantLock();
                return new Db(jdbcUrl, writer, writer, lock, lock);
            }
            Connection reader = connect(jdbcUrl, true);
            return new Db(jdbcUrl, writer, reader, new ReentrantLock(), new ReentrantLock());
        } catch (SQLException e) {
            closeQuietly(writer, e);
            throw new JournalException("cannot open journal " + redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url, boolean readOnly) throws SQLException {
        Connection c = DriverManager.getConnection(url);
        if (isSqlite(url)) {
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
                s.execute("PRAGMA journal_mode = WAL");
                s.execute("PRAGMA synchronous = FULL");
                s.execute("PRAGMA foreign_keys = ON");
                if (readOnly) {
                    s.execute("PRAGMA query_only = ON");
                }
            } catch (SQLException e) {
                closeQuietly(c, e);
                throw e;
            }
        }
        return c;
    }

    /** Runs {@code work} on the writer as one transaction, committed before this returns; rolled back on failure. */
    public <T> T write(String what, Work<T> work) {
        writeLock.lock();
        try {
            ensureOpen();
            try {
                T result = work.apply(writer);
                writer.commit();
                return result;
            } catch (SQLException e) {
                rollback(e);
                throw new JournalException(what + " failed: " + e.getMessage(), e);
            } catch (RuntimeException e) {
                rollback(e);
                throw e;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on the reader; it sees every write committed before it started. */
    public <T> T read(String what, Work<T> work) {
        readLock.lock();
        try {
            ensureOpen();
            return work.apply(reader);
        } catch (SQLException e) {
            throw new JournalException(what + " failed: " + e.getMessage(), e);
        } finally {
            readLock.unlock();
        }
    }

    /**
     * The next id of {@code table}'s {@code id} column: one more than the largest, counted in memory after the
     * first call. Call only inside {@link #write}; gaps after a rollback are harmless.
     */
    long nextId(Connection c, String table) throws SQLException {
        Long next = nextIds.get(table);
        if (next == null) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT MAX(id) FROM " + table)) {
                rs.next();
                next = rs.getLong(1) + 1;
            }
        }
        nextIds.put(table, next + 1);
        return next;
    }

    public boolean isSqlite() {
        return isSqlite(url);
    }

    @Override
    public void close() {
        writeLock.lock();
        readLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            JournalException failure = new JournalException("cannot close journal " + redact(url));
            closeQuietly(reader, failure);
            if (reader != writer) {
                closeQuietly(writer, failure);
            }
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        } finally {
            readLock.unlock();
            writeLock.unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new JournalException("journal is closed");
        }
    }

    private void rollback(Exception cause) {
        try {
            writer.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c, Throwable into) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException e) {
            into.addSuppressed(e);
        }
    }

    static boolean isSqlite(String url) {
        return url.startsWith("jdbc:sqlite:");
    }

    static boolean isInMemorySqlite(String url) {
        if (!isSqlite(url)) {
            return false;
        }
        String rest = url.substring("jdbc:sqlite:".length());
        return rest.isEmpty() || rest.contains(":memory:") || rest.contains("mode=memory");
    }

    /** The URL without its query string, which may carry a password. */
    static String redact(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}
