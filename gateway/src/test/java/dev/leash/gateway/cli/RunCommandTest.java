package dev.leash.gateway.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code leash-gateway run}: a start it refuses exits non-zero with one line naming the cause. */
@Timeout(30)
class RunCommandTest {

    @TempDir
    Path dataDir;

    @Test
    void bindingAllInterfacesWithoutATokenExitsWithTwoNamingTheVariable() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"run", "--data-dir", dataDir.toString(), "--port", "0"},
                Map.of("LEASH_API_HOST", "0.0.0.0"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).isEqualTo(2);
        assertThat(message).contains("refusing to bind 0.0.0.0", "LEASH_GATEWAY_TOKEN")
                .doesNotContain("Exception", "\tat ");
        assertThat(message.strip().lines()).hasSize(1);
        assertThat(out.size()).isZero();
    }

    @Test
    void checkConfigRefusesTheSameExposedBindThatRunWould() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = Main.run(new String[] {"check-config"}, Map.of("LEASH_API_HOST", "0.0.0.0"),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to bind 0.0.0.0", "LEASH_GATEWAY_TOKEN");
        assertThat(out.toString(StandardCharsets.UTF_8)).doesNotContain("configuration ok");
    }
}
