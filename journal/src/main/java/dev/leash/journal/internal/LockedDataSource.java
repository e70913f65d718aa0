package dev.leash.journal.internal;

import dev.leash.journal.JournalOwnershipLostException;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The pool's source of new PostgreSQL connections for one gateway: each opens only while the gateway holds its
 * lock, so after a database restart, whose new connections are all made here, no write lands before the lock is
 * taken again.
 */
final class LockedDataSource implements DataSource {

    private final String url;
    private final Properties props;
    private final GatewayLock lock;

    LockedDataSource(String url, Properties props, GatewayLock lock) {
        this.url = url;
        this.props = props;
        this.lock = lock;
    }

    @Override
    public Connection getConnection() throws SQLException {
        try {
            lock.ensureHeld();
        } catch (JournalOwnershipLostException e) {
            throw new SQLException(e.getMessage(), "55P03", e);
        }
        return DriverManager.getConnection(url, props);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer: the pool logs through SLF4J
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the connect timeout is in the connection properties
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging here");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
