package dev.leash.gateway.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tools/redteam.sh}, the attack script users run against their own gateway, run here against a real one:
 * every attack on the REST API holds, and the script refuses a URL that is not loopback.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(120)
class RedTeamScriptTest {

    private static final Path SCRIPT = Path.of("..", "tools", "redteam.sh").toAbsolutePath().normalize();

    @TempDir
    static Path dataDir;
    static RunningGateway gw;

    @BeforeAll
    @Timeout(30)
    static void start() throws Exception {
        gw = RunningGateway.start(dataDir);
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private static Process run(Path out, String... args) throws Exception {
        assumeTrue(new ProcessBuilder("python3", "--version").start().waitFor() == 0, "python3 is needed");
        String[] cmd = new String[args.length + 2];
        cmd[0] = "bash";
        cmd[1] = SCRIPT.toString();
        System.arraycopy(args, 0, cmd, 2, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN);
        Process p = pb.start();
        if (!p.waitFor(100, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("redteam.sh did not finish: " + Files.readString(out));
        }
        return p;
    }

    @Test
    void everyAttackOnTheRestApiHolds(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");

        Process p = run(out, "--gateway", gw.gateway().baseUrl(), "--mcp", "none");

        String table = Files.readString(out);
        assertThat(table).contains("DNS-rebinding Host, read", "foreign Origin, write", "oversized body",
                "slow clients, then a read", "parameters unchanged").doesNotContain("NOT HELD");
        assertThat(p.exitValue()).as(table).isZero();
    }

    @Test
    void refusesToAttackAnythingButLoopback(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");

        Process p = run(out, "--gateway", "http://192.0.2.1:7070", "--mcp", "none");

        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(Files.readString(out)).contains("--gateway must be an http:// URL on 127.0.0.1, localhost or [::1]");
    }
}
