package dev.leash.journal.internal;

import dev.leash.journal.JournalException;
import dev.leash.journal.JournalOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Several gateways in one PostgreSQL database: each gateway's journal lives in its own schema {@code leash_<id>}
 * (dashes become underscores), so every row belongs to exactly one gateway and each reads only its own; a session
 * advisory lock keyed on the schema lets one running gateway at a time use an id; views in {@code public} named
 * {@code leash_fleet_<table>} put every gateway's rows side by side with a {@code gateway_id} column.
 */
final class GatewaySchema {

    /**
     * The tables the fleet views join, each under {@code public.leash_fleet_<table>}. Not {@code market_steps}: it
     * is the shadow books' replay input (one opaque text per step, pruned to the shadow horizon), not a report.
     */
    static final List<String> FLEET_TABLES = List.of("orders", "fills", "decisions", "events", "equity",
            "params_activations", "shadow_runs", "shadow_fills", "shadow_books", "daily_equity", "daily_decisions");
    private static final String PREFIX = "leash_";
    private static final Logger LOG = LoggerFactory.getLogger(GatewaySchema.class);

    private GatewaySchema() {
    }

    /** The schema of gateway {@code id}. */
    static String schemaOf(String id) {
        return PREFIX + id.replace('-', '_');
    }

    /** The gateway id a schema of {@link #schemaOf} belongs to. */
    static String idOf(String schema) {
        return schema.substring(PREFIX.length()).replace('_', '-');
    }

    /**
     * Takes the advisory lock of gateway {@code id} on a connection of its own, held until that connection closes.
     *
     * @throws JournalException when another running gateway holds it
     */
    static Connection lock(String url, JournalOptions options, String id) {
        Properties props = connectionProperties(options, id);
        Connection c = null;
        try {
            c = DriverManager.getConnection(url, props);
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, lockKey(id));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        throw new LockTakenException("gateway id '" + id + "' is in use by another running gateway on"
                                + " this database; give each gateway its own gateway.id");
                    }
                }
            }
            return c;
        } catch (SQLException e) {
            close(c);
            throw new JournalException("cannot open journal " + Db.redact(url) + " for gateway '" + id + "': "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(c);
            throw e;
        }
    }

    /** Another running gateway holds the lock of the id. */
    static final class LockTakenException extends JournalException {

        private static final long serialVersionUID = 1L;

        LockTakenException(String message) {
            super(message);
        }
    }

    /** The connection properties of gateway {@code id}'s connections: credentials, timeouts, keep-alive, its name. */
    static Properties connectionProperties(JournalOptions options, String id) {
        Properties props = new Properties();
        if (options.user() != null) {
            props.setProperty("user", options.user());
        }
        if (options.password() != null) {
            props.setProperty("password", options.password());
        }
        props.setProperty("connectTimeout", String.valueOf(Math.max(1, options.connectionTimeout().toSeconds())));
        props.setProperty("socketTimeout", String.valueOf(options.socketTimeout().toSeconds()));
        props.setProperty("tcpKeepAlive", "true");
        props.setProperty("ApplicationName", "leash-gateway " + id);
        return props;
    }

    /** Creates the schema of gateway {@code id} when it does not exist yet. */
    static void create(Connection c, String id) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + schemaOf(id));
        }
    }

    /**
     * Rebuilds the fleet views over every gateway schema in the database. A gateway whose tables differ (another
     * version) leaves the views as they were: reporting never stops a gateway from starting.
     */
    static void refreshViews(Db db) {
        try {
            db.write("refresh fleet views", c -> {
                try (Statement s = c.createStatement()) {
                    for (String table : FLEET_TABLES) {
                        s.execute("DROP VIEW IF EXISTS public.leash_fleet_" + table);
                        List<String> parts = new ArrayList<>();
                        for (String schema : schemasWith(c, table)) {
                            parts.add("SELECT '" + idOf(schema) + "' AS gateway_id, t.* FROM " + schema + "."
                                    + table + " t");
                        }
                        if (!parts.isEmpty()) {
                            s.execute("CREATE VIEW public.leash_fleet_" + table + " AS "
                                    + String.join(" UNION ALL ", parts));
                        }
                    }
                }
                return null;
            });
        } catch (JournalException e) {
            LOG.warn("the fleet views (public.leash_fleet_*) were not refreshed: {}", e.getMessage());
        }
    }

    /** The gateway schemas (those with a {@code schema_version}) that have {@code table}: older ones may not. */
    private static List<String> schemasWith(Connection c, String table) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.table_schema FROM information_schema.tables t"
                + " JOIN information_schema.tables v ON v.table_schema = t.table_schema"
                + " AND v.table_name = 'schema_version' WHERE t.table_name = ?"
                + " AND t.table_schema LIKE 'leash\\_%' ORDER BY t.table_schema")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
        }
        return schemas;
    }

    /** A stable 64-bit key for the advisory lock of gateway {@code id}. */
    static long lockKey(String id) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("leash-gateway:" + id)
                    .getBytes(StandardCharsets.UTF_8));
            long k = 0;
            for (int i = 0; i < 8; i++) {
                k = (k << 8) | (h[i] & 0xff);
            }
            return k;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static void close(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // the server ends the session, and its lock, either way
            }
        }
    }
}
