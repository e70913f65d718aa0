package dev.leash.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.leash.journal.Fixtures.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class JournalSchemaTest {

    /** The newest migration this build knows. */
    private static final int LATEST = dev.leash.journal.internal.Migrations.RESOURCES.size();

    @TempDir
    Path dir;

    @Test
    void namesTheFileInTheDataDirectory() {
        assertThat(Journal.sqliteUrl(dir)).isEqualTo("jdbc:sqlite:" + dir.resolve("journal.db"));
    }

    @Test
    void appliesMigrationsOnceAndReopeningIsANoOp() throws Exception {
        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            assertThat(journal.schemaVersion()).isEqualTo(LATEST);
        }
        Object appliedAt = query(dir, "SELECT applied_ms FROM schema_version WHERE version = 1");

        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            assertThat(journal.schemaVersion()).isEqualTo(LATEST);
        }

        assertThat(query(dir, "SELECT COUNT(*) FROM schema_version")).isEqualTo(LATEST);
        assertThat(query(dir, "SELECT applied_ms FROM schema_version WHERE version = 1")).isEqualTo(appliedAt);
        assertThat(query(dir, "SELECT description FROM schema_version WHERE version = 1")).isEqualTo("init");
    }

    @Test
    void refusesASchemaNewerThanTheCode() throws Exception {
        Journal.open(Journal.sqliteUrl(dir)).close();
        query(dir, "INSERT INTO schema_version (version, description, applied_ms) VALUES (" + (LATEST + 1)
                + ", 'future', 0)");

        assertThatThrownBy(() -> Journal.open(Journal.sqliteUrl(dir)))
                .isInstanceOf(JournalSchemaException.class)
                .hasMessageContaining("schema version " + (LATEST + 1) + " is newer than this gateway supports ("
                        + LATEST + ")");
    }

    @Test
    void runsSqliteInWalModeWithFullSync() throws Exception {
        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            journal.putState("k", "v");
            assertThat(query(dir, "PRAGMA journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void worksInMemoryWithOneConnection() {
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            journal.putState("clock", "42");
            assertThat(journal.getState("clock")).contains("42");
        }
    }

    @Test
    void refusesCallsAfterClose() {
        Journal journal = Journal.open(Journal.sqliteUrl(dir));
        journal.close();
        journal.close();

        assertThatThrownBy(() -> journal.getState("k"))
                .isInstanceOf(JournalException.class).hasMessage("journal is closed");
        assertThatThrownBy(() -> journal.putState("k", "v"))
                .isInstanceOf(JournalException.class).hasMessage("journal is closed");
    }

    @Test
    void reportsAnUnopenableDatabase() {
        assertThatThrownBy(() -> Journal.open("jdbc:sqlite:" + dir.resolve("missing/dir/journal.db")))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot open journal");
    }
}
