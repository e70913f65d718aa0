package dev.leash.journal.internal;

import dev.leash.journal.JournalSchemaException;
import dev.leash.journal.internal.Migrations.Migration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class MigrationsTest {

    private static final Migration V1 = new Migration(1, "one", "CREATE TABLE a (x BIGINT);\n");
    private static final Migration V2 = new Migration(2, "two",
            "-- a comment; with a semicolon\nCREATE TABLE b (y TEXT);\nINSERT INTO b (y) VALUES ('z');\n");

    @TempDir
    Path dir;

    @Test
    void appliesOnlyTheMigrationsNotYetApplied() throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("m.db");
        try (Db db = Db.open(url)) {
            assertThat(Migrations.migrate(db, List.of(V1), 100)).isEqualTo(1);
        }
        try (Db db = Db.open(url)) {
            assertThat(Migrations.migrate(db, List.of(V1, V2), 200)).isEqualTo(2);
            assertThat(Migrations.migrate(db, List.of(V1, V2), 300)).isEqualTo(2);

            assertThat(longs(db, "SELECT applied_ms FROM schema_version ORDER BY version")).containsExactly(100L, 200L);
            assertThat(longs(db, "SELECT COUNT(*) FROM b")).containsExactly(1L);
        }
    }

    @Test
    void rollsBackAFailedMigrationWithItsVersion() throws Exception {
        Migration broken = new Migration(2, "broken", "CREATE TABLE c (z TEXT);\nNOT SQL AT ALL;\n");
        try (Db db = Db.open("jdbc:sqlite:" + dir.resolve("m.db"))) {
            Migrations.migrate(db, List.of(V1), 100);

            assertThatThrownBy(() -> Migrations.migrate(db, List.of(V1, broken), 200))
                    .isInstanceOf(JournalSchemaException.class)
                    .hasMessageContaining("V2__broken failed and was rolled back");

            assertThat(longs(db, "SELECT MAX(version) FROM schema_version")).containsExactly(1L);
            assertThat(longs(db, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'c'")).containsExactly(0L);
        }
    }

    @Test
    void refusesVersionsOutOfOrder() {
        try (Db db = Db.open("jdbc:sqlite::memory:")) {
            assertThatThrownBy(() -> Migrations.migrate(db, List.of(V2), 0))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("1, 2, 3");
        }
    }

    @Test
    void splitsScriptsIntoStatementsWithoutComments() {
        assertThat(Migrations.statements(V2.sql()))
                .containsExactly("CREATE TABLE b (y TEXT)", "INSERT INTO b (y) VALUES ('z')");
    }

    @Test
    void listsEveryMigrationResourceInOrder() throws IOException, URISyntaxException {
        // The first script's directory: the package's directory in target/test-classes exists as well.
        Path resources = Path.of(Migrations.class.getResource(Migrations.RESOURCE_DIR + "V1__init.sql").toURI())
                .getParent();
        try (Stream<Path> files = Files.list(resources)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")))
                    .containsExactlyInAnyOrderElementsOf(Migrations.RESOURCES);
        }
        List<Migration> known = Migrations.known();
        for (int i = 0; i < known.size(); i++) {
            assertThat(known.get(i).version()).isEqualTo(i + 1);
        }
    }

    private static List<Long> longs(Db db, String sql) {
        return db.read(sql, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                List<Long> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
                return out;
            }
        });
    }
}
