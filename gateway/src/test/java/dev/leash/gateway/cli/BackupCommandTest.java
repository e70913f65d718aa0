package dev.leash.gateway.cli;

import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class BackupCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void backsUpTheDataDirectorysJournalWhileItIsOpen() {
        Path to = dir.resolve("backup.db");
        try (Journal live = Journal.open(Journal.sqliteUrl(dir))) {
            live.recordEvent(1_000, JournalEvent.FAULT, "before the backup");

            assertThat(run("backup", "--to", to.toString(), "--data-dir", dir.toString())).isZero();
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("journal backed up to " + to);
        try (Journal copy = Journal.open("jdbc:sqlite:" + to)) {
            assertThat(copy.events(null, 10)).extracting(JournalEvent::message).containsExactly("before the backup");
        }
    }

    @Test
    void aPostgresJournalIsPointedAtPgDump() {
        int code = run(Map.of("LEASH_JOURNAL_URL", "jdbc:postgresql://localhost/leash"), "backup", "--to",
                dir.resolve("b.db").toString(), "--data-dir", dir.toString());

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("pg_dump").doesNotContain("Exception");
    }

    @Test
    void withoutATargetItIsAUsageError() {
        assertThat(run("backup", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--to");
    }

    private int run(String... args) {
        return run(Map.of(), args);
    }

    private int run(Map<String, String> env, String... args) {
        return Main.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
