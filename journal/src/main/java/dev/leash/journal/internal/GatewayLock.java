package dev.leash.journal.internal;

import dev.leash.journal.JournalException;
import dev.leash.journal.JournalOptions;
import dev.leash.journal.JournalOwnershipLostException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.function.LongSupplier;

/**
 * The advisory lock of one gateway id, held on a connection of its own: when that connection is lost (the database
 * restarted, the session was cut) the lock is taken again before the journal writes on; when another running
 * gateway took it meanwhile, this journal is lost for good and writes nothing more.
 *
 * <p>Thread-safe: the pool's threads and the writer check it at once.
 */
final class GatewayLock implements AutoCloseable {

    /** How often a write checks that the lock's connection is still alive (a new pool connection always checks). */
    static final long CHECK_EVERY_NANOS = 1_000_000_000L;

    private final String url;
    private final JournalOptions options;
    private final String id;
    private final LongSupplier nanoTime;
    private Connection held;
    private long checkedAt;
    private volatile String lost;

    private GatewayLock(String url, JournalOptions options, String id, LongSupplier nanoTime, Connection held) {
        this.url = url;
        this.options = options;
        this.id = id;
        this.nanoTime = nanoTime;
        this.held = held;
        this.checkedAt = nanoTime.getAsLong();
    }

    /**
     * Takes the lock of gateway {@code id} and creates its schema.
     *
     * @throws JournalException when another running gateway holds it, or the database cannot be reached
     */
    static GatewayLock take(String url, JournalOptions options, String id, LongSupplier nanoTime) {
        Connection c = GatewaySchema.lock(url, options, id);
        try {
            GatewaySchema.create(c, id);
        } catch (SQLException e) {
            GatewaySchema.close(c);
            throw new JournalException("cannot open journal " + Db.redact(url) + ": " + e.getMessage(), e);
        }
        return new GatewayLock(url, options, id, nanoTime, c);
    }

    /** The gateway id this lock is for. */
    String id() {
        return id;
    }

    /** Checks the lock when a check is due; see {@link #ensureHeld()}. */
    void ensureHeldWhenDue() throws SQLException {
        failIfLost();
        synchronized (this) {
            if (nanoTime.getAsLong() - checkedAt < CHECK_EVERY_NANOS) {
                return;
            }
        }
        ensureHeld();
    }

    /**
     * Makes sure this gateway still holds its lock, taking it again on a new connection when the old one was lost.
     *
     * @throws JournalOwnershipLostException when another running gateway holds it now (and from then on)
     * @throws SQLException                  (a connection failure) when the database cannot be reached
     */
    synchronized void ensureHeld() throws SQLException {
        failIfLost();
        if (held != null && held.isValid(Math.max(1, (int) options.connectionTimeout().toSeconds()))) {
            checkedAt = nanoTime.getAsLong();
            return;
        }
        GatewaySchema.close(held);
        held = null;
        try {
            held = GatewaySchema.lock(url, options, id);
            checkedAt = nanoTime.getAsLong();
        } catch (GatewaySchema.LockTakenException e) {
            lost = "gateway id '" + id + "' was taken by another running gateway while this one's connection to the"
                    + " database was lost; this gateway writes no more journal rows: stop it, and give each gateway"
                    + " its own gateway.id";
            failIfLost();
        } catch (JournalException e) {
            throw new SQLTransientConnectionException("cannot take the lock of gateway id '" + id + "' again: "
                    + e.getMessage(), "08001", e);
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
