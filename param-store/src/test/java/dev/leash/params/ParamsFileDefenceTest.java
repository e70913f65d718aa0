package dev.leash.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code ai_params.json} read as hostile input: a FIFO, a huge file, a symlink to a secret, a number with a huge
 * exponent. Each is refused by path, size and reason, never quoted, and the last-known-good version stays.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParamsFileDefenceTest {

    private static final String SECRET = "sk-live-7f3a9c2e11d04b5f";

    @TempDir
    Path dir;
    @TempDir
    Path outside;

    private ParamStore open() throws IOException {
        return ParamStore.open(dir, POLICY, BASELINE, T0);
    }

    private Path file() {
        return dir.resolve(ParamStore.PARAMS_FILE);
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    /** A valid hand edit of {@code current} lowering {@code max_position_pct}, as a person would save it. */
    private static ObjectNode lowered(Params current) {
        ObjectNode doc = ParamsJson.toJson(current);
        doc.put("max_position_pct", 0.5);
        doc.put("updated_by", "alice");
        doc.put("rationale", "smaller");
        return doc;
    }

    private static boolean mkfifo(Path path) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mkfifo", path.toString()).redirectErrorStream(true).start();
            return p.waitFor() == 0 && Files.exists(path);
        } catch (IOException e) {
            return false;
        }
    }

    /** Opening a FIFO read-write never blocks on Linux and releases a reader stuck in open (old code). */
    private static void release(Path fifo) {
        try {
            new RandomAccessFile(fifo.toFile(), "rw").close();
        } catch (IOException ignored) {
            // the FIFO may already be gone
        }
    }

    @Test
    void reloadRefusesAFifoWithoutWaitingForAWriter() throws Exception {
        try (ParamStore store = open()) {
            Files.delete(file());
            assumeThat(mkfifo(file())).as("mkfifo available").isTrue();
            try {
                LoadResult r = store.reload(minutes(1));

                assertThat(r.params()).isEqualTo(store.current());
                assertThat(r.problems()).singleElement().asString()
                        .contains(file().toString(), "not a regular file", "keeping last-known-good version 1");
            } finally {
                release(file());
            }
        }
    }

    @Test
    void openRefusesAFifoInsteadOfHanging() throws Exception {
        assumeThat(mkfifo(file())).as("mkfifo available").isTrue();
        try (ParamStore store = open()) {
            assertThat(store.current().sameValuesAs(BASELINE)).isTrue();
            assertThat(store.openReport()).singleElement().asString().contains("not a regular file");
        } finally {
            release(file());
        }
    }

    @Test
    void readingTheJournalRefusesAFifoInsteadOfHangingAndWritesGoOn() throws Exception {
        try (ParamStore store = open()) {
            Path journal = dir.resolve(ParamStore.AUDIT_FILE);
            Files.move(journal, dir.resolve("audit.jsonl.real"));
            assumeThat(mkfifo(journal)).as("mkfifo available").isTrue();
            try {
                assertThatThrownBy(() -> ParamStore.readAudit(dir)).isInstanceOf(IOException.class)
                        .hasMessageContaining("not a regular file");
                assertThat(store.propose(null, json("{'max_position_pct': 0.8}"), "claude", "calmer", false,
                        minutes(1)).accepted()).isTrue();
            } finally {
                release(journal);
            }
        }
    }

    @Test
    void openRefusesAJournalThatIsASymbolicLink() throws IOException {
        Path elsewhere = outside.resolve("audit.jsonl");
        Files.writeString(elsewhere, "");
        Files.createSymbolicLink(dir.resolve(ParamStore.AUDIT_FILE), elsewhere);

        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessageContaining("not a regular file");
    }

    @Test
    void refusesAFileOverTheSizeCapEvenWhenItIsAValidEdit() throws IOException {
        try (ParamStore store = open()) {
            String padded = ParamsJson.compact(lowered(store.current())) + " ".repeat(70 * 1024);
            Files.writeString(file(), padded);

            LoadResult r = store.reload(minutes(1));

            assertThat(r.changed()).isFalse();
            assertThat(store.current().version()).isEqualTo(1);
            assertThat(r.problems()).singleElement().asString()
                    .contains(padded.length() + " bytes", "64 KiB", "keeping last-known-good version 1");
        }
    }

    @Test
    void refusesASymlinkOutOfTheDataDirectoryAndNeverQuotesTheTarget() throws IOException {
        Path secret = outside.resolve("credentials");
        Files.writeString(secret, SECRET + "\n");
        try (ParamStore store = open()) {
            Files.delete(file());
            Files.createSymbolicLink(file(), secret);

            LoadResult r = store.reload(minutes(1));

            assertThat(r.params()).isEqualTo(store.current());
            assertThat(r.problems()).singleElement().asString()
                    .contains("symbolic link", "out of the data directory").doesNotContain(SECRET, "sk-live");
        }
        try (ParamStore reopened = open()) {
            assertThat(String.join("\n", reopened.openReport())).doesNotContain(SECRET, "sk-live");
        }
    }

    @Test
    void neverQuotesAFileItCannotParseEvenASymlinkToATokenInsideTheDataDirectory() throws IOException {
        Path token = dir.resolve("gateway.token");
        Files.writeString(token, SECRET + "\n");
        try (ParamStore store = open()) {
            Files.delete(file());
            Files.createSymbolicLink(file(), token);

            LoadResult r = store.reload(minutes(1));

            assertThat(r.problems()).singleElement().asString()
                    .contains(ParamStore.PARAMS_FILE, "bytes", "not valid JSON at line 1").doesNotContain(SECRET);
        }
    }

    @Test
    void neverQuotesTheStringsOfAnInvalidDocument() throws IOException {
        try (ParamStore store = open()) {
            ObjectNode doc = lowered(store.current());
            doc.put("trading_mode", SECRET);
            doc.put("updated_at", SECRET);
            doc.put(SECRET, 1);
            Files.writeString(file(), ParamsJson.compact(doc));

            LoadResult r = store.reload(minutes(1));

            assertThat(r.problems()).singleElement().asString()
                    .contains("trading_mode", "updated_at", "unknown field").doesNotContain(SECRET);
        }
    }

    @Test
    void reportsANumberWithAHugeExponentInsteadOfThrowing() throws IOException {
        try (ParamStore store = open()) {
            String doc = ParamsJson.compact(lowered(store.current()))
                    .replace("\"max_position_pct\":0.5", "\"max_position_pct\":1e-2147483649");
            Files.writeString(file(), doc);

            LoadResult r = store.reload(minutes(1));

            assertThat(r.params()).isEqualTo(store.current());
            assertThat(r.problems()).singleElement().asString()
                    .contains("number", "out of range", "line 1").doesNotContain("Exception");
        }
    }

    @Test
    void opensDespiteANumberWithAHugeExponentInTheFile() throws IOException {
        Params v2;
        try (ParamStore store = open()) {
            v2 = store.propose(null, json("{'max_position_pct': 0.8}"), "claude", "calmer", false, minutes(1))
                    .current();
        }
        Files.writeString(file(), "{\"version\": 1e-2147483649}");

        try (ParamStore reopened = open()) {
            assertThat(reopened.current()).isEqualTo(v2);
            assertThat(reopened.openReport()).singleElement().asString().contains("out of range");
        }
    }

    @Test
    void aPlantedTemporaryFileSymlinkIsNotWrittenThrough() throws IOException {
        Path victim = outside.resolve("victim.txt");
        Files.writeString(victim, "precious\n");
        try (ParamStore store = open()) {
            Files.createSymbolicLink(dir.resolve(ParamStore.PARAMS_FILE + ".tmp"), victim);

            WriteResult r = store.propose(null, json("{'max_position_pct': 0.8}"), "claude", "calmer", false,
                    minutes(1));

            assertThat(r.accepted()).isTrue();
            assertThat(Files.readString(victim)).isEqualTo("precious\n");
            assertThat(Files.isSymbolicLink(file())).isFalse();
            assertThat(Files.readString(file())).isEqualTo(ParamsJson.toText(r.current()));
        }
    }

    @Test
    void aRejectedFileChangesNothing() throws IOException {
        try (ParamStore store = open()) {
            Files.writeString(file(), "{\"version\": 2, \"max_position_pct\": 1e999999999}");
            List<AuditEntry> before = ParamStore.readAudit(dir).entries();

            LoadResult r = store.reload(minutes(1));

            assertThat(r.changed()).isFalse();
            assertThat(ParamStore.readAudit(dir).entries()).isEqualTo(before);
            assertThat(store.current().version()).isEqualTo(1);
        }
    }
}
