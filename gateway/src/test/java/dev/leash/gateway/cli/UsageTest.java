package dev.leash.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code leash-gateway}'s command line: help for each command, usage errors with exit code 2 and no stack trace. */
@Timeout(30)
class UsageTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) {
        return Main.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "backtest", "params", "check-config", "watchdog"})
    void everyCommandPrintsItsHelpOnStdoutAndExitsZero(String command) {
        assertThat(main(command, "--help")).isZero();

        assertThat(stdout()).contains("Usage: leash-gateway " + command, "-h, --help");
        assertThat(stderr()).isEmpty();
    }

    @Test
    void theTopLevelHelpListsEveryCommand() {
        assertThat(main("--help")).isZero();

        assertThat(stdout()).contains("Usage: leash-gateway", "run", "backtest", "params", "check-config", "watchdog");
        assertThat(main("help", "watchdog")).isZero();
        assertThat(stdout()).contains("--max-age", "5 too old");
    }

    @Test
    void withoutACommandPrintsTheUsageOnStderrAndExitsTwo() {
        assertThat(main()).isEqualTo(2);

        assertThat(stderr()).contains("Usage: leash-gateway", "watchdog");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(main("start")).isEqualTo(2);

        assertThat(stderr()).startsWith("leash-gateway: unknown command 'start'").contains("Usage: leash-gateway");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingItWithoutAStackTrace() {
        assertThat(main("check-config", "--data-dir", dir.toString(), "--frobnicate", "1")).isEqualTo(2);

        assertThat(stderr()).contains("--frobnicate", "Usage: leash-gateway check-config", "--config")
                .doesNotContain("Exception", "\tat ");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aStrayWordAfterACommandIsAUsageError() {
        assertThat(main("check-config", "--data-dir", dir.toString(), "please")).isEqualTo(2);

        assertThat(stderr()).contains("'please'", "Usage: leash-gateway check-config");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aPortThatIsNotANumberIsAUsageError() {
        assertThat(main("run", "--data-dir", dir.toString(), "--port", "http")).isEqualTo(2);

        assertThat(stderr()).contains("--port", "'http'").doesNotContain("Exception", "\tat ");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void anOptionWithoutItsValueIsAUsageError() {
        assertThat(main("backtest", "--data")).isEqualTo(2);

        assertThat(stderr()).contains("--data", "Usage: leash-gateway backtest");
    }

    @Test
    void paramsWithoutASubcommandSaysWhichOnesExist() {
        assertThat(main("params", "--data-dir", dir.toString())).isEqualTo(2);

        assertThat(stderr()).contains("params needs a subcommand: show, history, rollback N, reset-baseline");
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignToo() {
        assertThat(main("check-config", "--data-dir=" + dir)).isZero();

        assertThat(stdout()).startsWith("configuration ok: venue simulated, data dir " + dir);
    }
}
