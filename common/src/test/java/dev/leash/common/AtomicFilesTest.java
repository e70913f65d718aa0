package dev.leash.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Durable replacement of a file: the old or the new content, never half, never through a planted link. */
@Timeout(10)
class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileAndLeavesNothingElseBehind() throws IOException {
        Path file = dir.resolve("ai_params.json");
        Files.writeString(file, "old\n");

        AtomicFiles.write(file, "new\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("new\n");
        assertThat(names()).containsExactly("ai_params.json");
    }

    @Test
    void writesTextAndCreatesTheMissingDirectory() throws IOException {
        Path file = dir.resolve("reports/run 1/report.html");

        AtomicFiles.write(file, out -> out.write("<p>\u00e9t\u00e9</p>"));

        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("<p>\u00e9t\u00e9</p>");
    }

    @Test
    void writesTextLongerThanAnyBuffer() throws IOException {
        Path file = dir.resolve("candles.csv");
        String line = "2026-01-01T00:00:00Z,100.5,101,99.5,100.25,12.5\n";

        AtomicFiles.write(file, out -> {
            for (int i = 0; i < 10_000; i++) {
                out.write(line);
            }
        });

        assertThat(Files.size(file)).isEqualTo(10_000L * line.length());
    }

    @Test
    void aFailingWriterLeavesTheOldFileWholeAndNoTemporaryFile() throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old report\n");

        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("half of a new rep");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");

        assertThat(Files.readString(file)).isEqualTo("old report\n");
        assertThat(names()).containsExactly("report.html");
    }

    @Test
    void aPlantedTemporaryFileSymlinkIsNotWrittenThrough() throws IOException {
        Path victim = Files.createDirectory(dir.resolve("outside")).resolve("victim.txt");
        Files.writeString(victim, "precious\n");
        Path file = dir.resolve("heartbeat.json");
        Files.createSymbolicLink(dir.resolve("heartbeat.json.tmp"), victim);

        AtomicFiles.write(file, "{}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(Files.isSymbolicLink(file)).isFalse();
        assertThat(Files.readString(file)).isEqualTo("{}\n");
    }

    @Test
    void aLeftoverTemporaryFileFromACrashIsReplaced() throws IOException {
        Path file = dir.resolve("heartbeat.json");
        Files.writeString(dir.resolve("heartbeat.json.tmp"), "torn");

        AtomicFiles.write(file, "{\"ok\":true}\n".getBytes(StandardCharsets.UTF_8));

        assertThat(Files.readString(file)).isEqualTo("{\"ok\":true}\n");
        assertThat(names()).containsExactly("heartbeat.json");
    }

    private java.util.List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
