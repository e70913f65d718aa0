package dev.leash.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CheckConfigAlertsTest {

    @TempDir
    Path dir;

    @Test
    void checkConfigRefusesABadAlertUrlNamingTheKey() throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, "alerts:\n  ntfy:\n    url: ntfy.sh/no-scheme\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"check-config", "--config", f.toString(), "--data-dir", dir.toString()},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("alerts.ntfy.url:", "is not an http(s) URL");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("configuration ok");
    }

    @Test
    void checkConfigAcceptsGoodAlertChannels() throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, "alerts:\n  webhook:\n    url: http://127.0.0.1:9/hook\n  telegram:\n    chat_id: '7'\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"check-config", "--config", f.toString(), "--data-dir", dir.toString()},
                Map.of("LEASH_TELEGRAM_BOT_TOKEN", "1:abc"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("configuration ok").doesNotContain("1:abc");
    }

    @Test
    void checkConfigRefusesADigestPeriodThatWouldSpamPerProposal() throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, "alerts:\n  proposals_digest: 5s\n  webhook:\n    url: http://127.0.0.1:9/hook\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"check-config", "--config", f.toString(), "--data-dir", dir.toString()},
                Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("alerts.proposals_digest:", "outside 1m..24h");
    }

    @Test
    void checkConfigRefusesADailySummaryThatIsNotABoolean() throws Exception {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, "alerts:\n  daily_summary: sometimes\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"check-config", "--config", f.toString(), "--data-dir", dir.toString()},
                Map.of(), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isNotZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("alerts.daily_summary: must be true or false");
    }
}
