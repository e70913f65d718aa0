package dev.leash.journal.internal;

import dev.leash.journal.JournalException;
import dev.leash.journal.JournalOptions;
import dev.leash.journal.JournalOwnershipLostException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;

/**
 * The advisory lock of one gateway id, held on a connection of its own that is also the connection every write of
 * the gateway goes through: a write lands only while the lock is held. When that connection is lost (the database
 * restarted, the session was cut) the lock is taken again before the next write; when another running gateway took
 * it meanwhile, this journal is lost for good and writes nothing more.
 *
 * <p>Thread-safe; the connection itself is used by one writer at a time (the journal's write lock).
 */
final class GatewayLock implements AutoCloseable {

    private final String url;
    private final JournalOptions options;
    private final String id;
    private Connection held;
    private volatile String lost;

    private GatewayLock(String url, JournalOptions options, String id, Connection held) {
        this.url = url;
        this.options = options;
        this.id = id;
        this.held = held;
    }

    /**
     * Takes the lock of gateway {@code id} and creates its schema.
     *
     * @throws JournalException when another running gateway holds it, or the database cannot be reached
     */
    static GatewayLock take(String url, JournalOptions options, String id) {
        Connection c = GatewaySchema.lock(url, options, id);
        try {
            GatewaySchema.create(c, id);
            prepare(c, id);
        } catch (SQLException e) {
            GatewaySchema.close(c);
            throw new JournalException("cannot open journal " + Db.redact(url) + ": " + e.getMessage(), e);
        }
        return new GatewayLock(url, options, id, c);
    }

    /** The lock's connection as a writer: in the gateway's schema, one transaction per unit of work. */
    private static void prepare(Connection c, String id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO " + GatewaySchema.schemaOf(id));
        }
        c.setAutoCommit(false);
    }

    /** The gateway id this lock is for. */
    String id() {
        return id;
    }

    /**
     * The connection holding the lock, for a write; taken again on a new connection when the last one was dropped.
     *
     * @throws JournalOwnershipLostException when another running gateway holds the lock now (and from then on)
     * @throws SQLException                  (a connection failure) when the database cannot be reached
     */
    synchronized Connection writer() throws SQLException {
        ensureHeld();
        return held;
    }

    /**
     * Makes sure the lock's connection is open, taking the lock again on a new one when it was dropped; does not
     * talk to the database while it is open (a broken one is found by the next write, see {@link #broken}).
     *
     * @throws JournalOwnershipLostException when another running gateway holds the lock now (and from then on)
     * @throws SQLException                  (a connection failure) when the database cannot be reached
     */
    synchronized void ensureHeld() throws SQLException {
        failIfLost();
        if (held != null && !held.isClosed()) {
            return;
        }
        GatewaySchema.close(held);
        held = null;
        Connection c;
        try {
            c = GatewaySchema.lock(url, options, id);
        } catch (GatewaySchema.LockTakenException e) {
            lost = "gateway id '" + id + "' was taken by another running gateway while this one's connection to the"
                    + " database was lost; this gateway writes no more journal rows: stop it, and give each gateway"
                    + " its own gateway.id";
            failIfLost();
            return;
        } catch (JournalException e) {
            throw new SQLTransientConnectionException("cannot take the lock of gateway id '" + id + "' again: "
                    + e.getMessage(), "08001", e);
        }
        try {
            prepare(c, id);
        } catch (SQLException e) {
            GatewaySchema.close(c);
            throw e;
        }
        held = c;
    }

    /** Drops {@code c}, the lock's connection, after a connection failure: the next write takes the lock again. */
    synchronized void broken(Connection c) {
        if (held == c) {
            GatewaySchema.close(held);
            held = null;
        }
    }

    /** True once another running gateway took this gateway's id. */
    boolean lost() {
        return lost != null;
    }

    /** Throws when another running gateway took this gateway's id. */
    void failIfLost() {
        String why = lost;
        if (why != null) {
            throw new JournalOwnershipLostException(why);
        }
    }

    @Override
    public synchronized void close() {
        GatewaySchema.close(held);
        held = null;
    }
}
