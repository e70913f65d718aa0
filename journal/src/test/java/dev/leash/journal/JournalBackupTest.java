package dev.leash.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link Journal#backup}: a consistent copy of a SQLite journal a gateway is writing. */
@Timeout(30)
class JournalBackupTest {

    @TempDir
    Path dir;

    @Test
    void copiesTheJournalWhileItIsOpenAndTheCopyOpensWithEverything() {
        Path to = dir.resolve("backup.db");
        try (Journal live = Journal.open(Journal.sqliteUrl(dir))) {
            live.recordOrder(Fixtures.intent("c1", "BTCUSDT", 1, 1_000), "NEW", null, null, 1_000);
            live.putState("paper_account", "{\"wallet\":1000}");

            Journal.backup(Journal.sqliteUrl(dir), to);
            live.recordEvent(2_000, JournalEvent.FAULT, "after the backup");
        }

        try (Journal copy = Journal.open("jdbc:sqlite:" + to)) {
            assertThat(copy.order("c1")).isPresent();
            assertThat(copy.getState("paper_account")).contains("{\"wallet\":1000}");
            assertThat(copy.events(null, 10)).as("as of the backup").isEmpty();
        }
    }

    @Test
    void refusesToOverwriteAFileAndLeavesItAlone() throws Exception {
        Journal.open(Journal.sqliteUrl(dir)).close();
        Path to = Files.writeString(dir.resolve("precious.txt"), "keep me");

        assertThatThrownBy(() -> Journal.backup(Journal.sqliteUrl(dir), to)).isInstanceOf(JournalException.class)
                .hasMessageContaining("exists already");
        assertThat(Files.readString(to)).isEqualTo("keep me");
    }

    @Test
    void pointsAPostgresJournalAtPgDump() {
        assertThatThrownBy(() -> Journal.backup("jdbc:postgresql://localhost/leash", dir.resolve("b.db")))
                .isInstanceOf(JournalException.class).hasMessageContaining("pg_dump");
        assertThat(dir.resolve("b.db")).doesNotExist();
    }
}
