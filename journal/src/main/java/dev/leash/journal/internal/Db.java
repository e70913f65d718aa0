package dev.leash.journal.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.leash.journal.JournalException;
import dev.leash.journal.JournalOptions;
import dev.leash.journal.JournalUnavailableException;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The journal's JDBC connections. SQLite: two connections, one writer, used under {@code writeLock}, whose every
 * unit of work is one committed transaction, and one reader, used under {@code readLock}; an in-memory SQLite
 * database cannot be shared by two connections, so there the reader is the writer and both locks are the same.
 * A server database (PostgreSQL): a HikariCP pool, writes still one at a time under {@code writeLock}; a connection
 * that breaks is replaced, and after a connection failure calls fail at once ({@link JournalUnavailableException})
 * for the options' retry backoff, so a database that went away never holds a caller for longer than one
 * connection timeout per backoff. A gateway sharing the database ({@code gateway_id}) writes on the connection that
 * holds its lock ({@link GatewayLock}) and reads through the pool.
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
    private final HikariDataSource pool;
    private final PoolState poolState;
    private final GatewayLock gatewayLock;
    private volatile boolean closed;

    private Db(String url, Connection writer, Connection reader, ReentrantLock writeLock, ReentrantLock readLock) {
        this.url = url;
        this.writer = writer;
        this.reader = reader;
        this.writeLock = writeLock;
        this.readLock = readLock;
        this.pool = null;
        this.poolState = null;
        this.gatewayLock = null;
    }

    private Db(String url, HikariDataSource pool, PoolState poolState, GatewayLock gatewayLock) {
        this.url = url;
        this.writer = null;
        this.reader = null;
        this.writeLock = new ReentrantLock();
        this.readLock = new ReentrantLock();
        this.pool = pool;
        this.poolState = poolState;
        this.gatewayLock = gatewayLock;
    }

    /** Connects to {@code jdbcUrl} with the default options. */
    public static Db open(String jdbcUrl) {
        return open(jdbcUrl, JournalOptions.DEFAULTS, System::nanoTime);
    }

    /**
     * Connects to {@code jdbcUrl}: for SQLite, turns on WAL, {@code synchronous=FULL} and a busy timeout; any other
     * URL gets a connection pool with {@code options}, and {@code nanoTime} times its retry backoff.
     */
    public static Db open(String jdbcUrl, JournalOptions options, LongSupplier nanoTime) {
        if (!isSqlite(jdbcUrl)) {
            return openPool(jdbcUrl, options, nanoTime);
        }
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

    private static Db openPool(String jdbcUrl, JournalOptions options, LongSupplier nanoTime) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("leash-journal");
        hc.setJdbcUrl(jdbcUrl);
        if (options.user() != null) {
            hc.setUsername(options.user());
        }
        if (options.password() != null) {
            hc.setPassword(options.password());
        }
        hc.setAutoCommit(false);
        hc.setMaximumPoolSize(options.maxPoolSize());
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(options.connectionTimeout().toMillis());
        hc.setValidationTimeout(250);
        hc.setInitializationFailTimeout(options.connectionTimeout().toMillis());
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            long connectSeconds = Math.max(1, options.connectionTimeout().toSeconds());
            hc.addDataSourceProperty("connectTimeout", String.valueOf(connectSeconds));
            hc.addDataSourceProperty("socketTimeout", String.valueOf(options.socketTimeout().toSeconds()));
            hc.addDataSourceProperty("tcpKeepAlive", "true");
            hc.addDataSourceProperty("ApplicationName", "leash-gateway");
        }
        GatewayLock lock = null;
        try {
            if (options.gatewayId() != null && jdbcUrl.startsWith("jdbc:postgresql:")) {
                lock = GatewayLock.take(jdbcUrl, options, options.gatewayId());
                hc.setDataSource(new LockedDataSource(jdbcUrl, poolProperties(options, lock.id()), lock));
            }
            return new Db(jdbcUrl, new HikariDataSource(hc), new PoolState(options.retryBackoff().toNanos(), nanoTime),
                    lock);
        } catch (JournalException e) {
            closeLock(lock);
            throw e;
        } catch (RuntimeException e) {
            closeLock(lock);
            throw new JournalException("cannot open journal " + redact(jdbcUrl) + ": " + rootMessage(e), e);
        }
    }

    /**
     * The properties of a gateway's pooled connections, as the pool would set them, and its schema: set at
     * connection start-up, since a SET inside the pool's first (rolled back) transaction would not last.
     */
    private static java.util.Properties poolProperties(JournalOptions options, String id) {
        java.util.Properties props = GatewaySchema.connectionProperties(options, id);
        props.setProperty("ApplicationName", "leash-gateway");
        props.setProperty("currentSchema", GatewaySchema.schemaOf(id));
        return props;
    }

    private static void closeLock(GatewayLock lock) {
        if (lock != null) {
            lock.close();
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
            if (pool != null) {
                return pooledWrite(what, work);
            }
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
        if (pool != null) {
            ensureOpen();
            return pooledRead(what, work);
        }
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

    private <T> T pooledWrite(String what, Work<T> work) {
        if (gatewayLock != null) {
            return lockedWrite(what, work);
        }
        poolState.failFast(what);
        for (int attempt = 1; ; attempt++) {
            Connection c = borrow(what);
            boolean committing = false;
            try {
                T result = work.apply(c);
                committing = true;
                c.commit();
                poolState.up();
                giveBack(c);
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                giveBack(c);
                if (!isConnectionFailure(e)) {
                    throw new JournalException(what + " failed: " + e.getMessage(), e);
                }
                nextIds.clear(); // the commit may have landed: count ids from the database again
                if (committing || attempt > pool.getMaximumPoolSize()) {
                    poolState.down();
                    throw new JournalUnavailableException(what + " failed: journal database unavailable: "
                            + e.getMessage(), e);
                }
                // the connection broke before the commit: nothing landed; the pool drops it, try the next one (every
                // pooled connection may have been cut at once, so up to the pool's size)
            } catch (RuntimeException e) {
                rollbackQuietly(c, e);
                giveBack(c);
                throw e;
            }
        }
    }

    private <T> T pooledRead(String what, Work<T> work) {
        poolState.failFast(what);
        if (gatewayLock != null) {
            gatewayLock.failIfLost();
        }
        for (int attempt = 1; ; attempt++) {
            Connection c = borrow(what);
            try {
                T result = work.apply(c);
                c.rollback();
                poolState.up();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                if (!isConnectionFailure(e)) {
                    throw new JournalException(what + " failed: " + e.getMessage(), e);
                }
                if (attempt > pool.getMaximumPoolSize()) {
                    poolState.down();
                    throw new JournalUnavailableException(what + " failed: journal database unavailable: "
                            + e.getMessage(), e);
                }
                // a broken connection: reading again on a fresh one is harmless
            } finally {
                giveBack(c);
            }
        }
    }

    /**
     * A write of a gateway sharing the database: on the connection that holds the gateway's lock, so it lands only
     * while the lock is held. A connection that broke before the commit is replaced (the lock taken again) once.
     */
    private <T> T lockedWrite(String what, Work<T> work) {
        poolState.failFast(what);
        for (int attempt = 1; ; attempt++) {
            Connection c;
            try {
                c = gatewayLock.writer();
            } catch (SQLException e) {
                poolState.down();
                throw new JournalUnavailableException(what + " failed: journal database unavailable: "
                        + rootMessage(e), e);
            }
            boolean committing = false;
            try {
                T result = work.apply(c);
                committing = true;
                c.commit();
                poolState.up();
                return result;
            } catch (SQLException e) {
                rollbackQuietly(c, e);
                if (!isConnectionFailure(e)) {
                    throw new JournalException(what + " failed: " + e.getMessage(), e);
                }
                gatewayLock.broken(c);
                nextIds.clear(); // the commit may have landed: count ids from the database again
                if (committing || attempt > 1) {
                    poolState.down();
                    throw new JournalUnavailableException(what + " failed: journal database unavailable: "
                            + e.getMessage(), e);
                }
                // the lock's connection broke before the commit: nothing landed; take the lock again and retry
            } catch (RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    private Connection borrow(String what) {
        try {
            return pool.getConnection();
        } catch (SQLException e) {
            if (gatewayLock != null && gatewayLock.lost()) {
                gatewayLock.failIfLost();
            }
            poolState.down();
            throw new JournalUnavailableException(what + " failed: journal database unavailable: "
                    + rootMessage(e), e);
        }
    }

    private static void giveBack(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // the pool discards a connection it cannot reset; nothing of ours is lost
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** True for failures of the connection itself (SQLState class 08, server shutting down), not of the SQL. */
    static boolean isConnectionFailure(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** After the migrations: rebuilds the fleet views when this journal is one gateway's schema. */
    public void afterMigrations() {
        if (gatewayLock != null) {
            GatewaySchema.refreshViews(this);
        }
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
            if (pool != null) {
                pool.close();
                closeLock(gatewayLock);
                return;
            }
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
