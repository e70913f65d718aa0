package dev.leash.journal.internal;

import dev.leash.journal.JournalException;
import dev.leash.journal.JournalSchemaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: resources {@code V<n>__<description>.sql} next to {@code Journal}, applied in order,
 * each in its own transaction together with its row in {@code schema_version}.
 *
 * <p>Scripts are split into statements on a {@code ;} that ends a line; lines starting with {@code --} are comments.
 * A new migration is a new resource plus its name in {@link #RESOURCES}; a test checks the two agree.
 */
public final class Migrations {

    /** Every migration this build knows, in order; versions must be 1, 2, 3, ... */
    public static final List<String> RESOURCES = List.of("V1__init.sql", "V2__params_activations.sql",
            "V3__fill_attribution.sql", "V4__decision_reason_codes.sql", "V5__shadow_fills.sql",
            "V6__shadow_books.sql", "V7__daily_aggregates.sql", "V8__decision_regime.sql",
            "V9__strategy_stages.sql");

    /** Where the migration scripts live on the class path. */
    public static final String RESOURCE_DIR = "/dev/leash/journal/";

    private static final Pattern NAME = Pattern.compile("V(\\d+)__(\\w+)\\.sql");
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

    /** One migration script. */
    public record Migration(int version, String description, String sql) {
    }

    private Migrations() {
    }

    /** The migrations in {@link #RESOURCES}, read from the class path. */
    public static List<Migration> known() {
        List<Migration> out = new ArrayList<>();
        for (String name : RESOURCES) {
            out.add(load(name));
        }
        return out;
    }

    static Migration load(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("migration name must look like V1__init.sql: " + name);
        }
        try (InputStream in = Migrations.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("migration resource missing: " + RESOURCE_DIR + name);
            }
            return new Migration(Integer.parseInt(m.group(1)), m.group(2),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JournalException("cannot read migration " + name, e);
        }
    }

    /**
     * Brings the schema up to the last of {@code migrations}, applying only those newer than the recorded version.
     *
     * @return the schema version now in force
     * @throws JournalSchemaException when the database is newer than the code, or a migration fails
     */
    public static int migrate(Db db, List<Migration> migrations, long nowMillis) {
        requireConsecutive(migrations);
        int latest = migrations.size();
        int current = db.write("create schema_version", c -> {
            exec(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_ms BIGINT NOT NULL)");
            return currentVersion(c);
        });
        if (current > latest) {
            throw new JournalSchemaException("journal schema version " + current + " is newer than this gateway"
                    + " supports (" + latest + "); upgrade the gateway or point it at another journal");
        }
        for (Migration m : migrations.subList(current, latest)) {
            apply(db, m, nowMillis);
        }
        return latest;
    }

    private static void apply(Db db, Migration m, long nowMillis) {
        try {
            db.write("migration V" + m.version(), c -> {
                for (String statement : statements(m.sql())) {
                    exec(c, statement);
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version (version, description, applied_ms) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setLong(3, nowMillis);
                    ps.executeUpdate();
                }
                return null;
            });
        } catch (JournalException e) {
            throw new JournalSchemaException("journal migration V" + m.version() + "__" + m.description()
                    + " failed and was rolled back: " + e.getMessage(), e);
        }
        LOG.info("journal schema migrated to V{}__{}", m.version(), m.description());
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static List<String> statements(String script) {
        StringBuilder withoutComments = new StringBuilder();
        for (String line : script.split("\\R")) {
            if (!line.strip().startsWith("--")) {
                withoutComments.append(line).append('\n');
            }
        }
        List<String> out = new ArrayList<>();
        for (String s : withoutComments.toString().split(";\\s*\\n")) {
            String stripped = s.strip();
            if (stripped.endsWith(";")) {
                stripped = stripped.substring(0, stripped.length() - 1).strip();
            }
            if (!stripped.isEmpty()) {
                out.add(stripped);
            }
        }
        return out;
    }

    private static void requireConsecutive(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration versions must be 1, 2, 3, ...: found V"
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
