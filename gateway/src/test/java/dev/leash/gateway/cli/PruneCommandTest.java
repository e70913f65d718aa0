package dev.leash.gateway.cli;

import dev.leash.journal.Journal;
import dev.leash.journal.ParamsActivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class PruneCommandTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void trimsWhatIsOlderThanTheHorizonAndKeepsEveryParamsVersion() {
        long old = NOW.minus(Duration.ofDays(100)).toEpochMilli();
        long recent = NOW.minus(Duration.ofDays(10)).toEpochMilli();
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            j.recordEquity(old, 1_000, 1_000, 0);
            j.recordEquity(recent, 1_100, 1_100, 0);
            j.recordParamsActivation(new ParamsActivation(1, old, old));
        }

        assertThat(run("prune", "--older-than", "90d", "--data-dir", dir.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 equity points");
        try (Journal j = Journal.open(Journal.sqliteUrl(dir))) {
            assertThat(j.equityCurve(0, Long.MAX_VALUE, 10)).singleElement()
                    .satisfies(p -> assertThat(p.time()).isEqualTo(recent));
            assertThat(j.paramsActivations()).hasSize(1);
        }
    }

    @Test
    void aHorizonShorterThanAWeekOrNotInDaysIsAUsageErrorAndTrimsNothing() {
        assertThat(run("prune", "--older-than", "3d", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(run("prune", "--older-than", "90 days", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--older-than: '3d' must be a number of days");
    }

    private int run(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofSeconds(1));
    }
}
