package dev.leash.gateway.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A running gateway logs one "alive" line per 5 minutes of its wall clock, from the middle loop's passes. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MiddleLoopAliveTest {

    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    @TempDir
    Path dataDir;

    @AfterEach
    void restoreStderr() {
        System.setErr(realErr);
    }

    @Test
    void logsOneAliveLineEveryFiveMinutesWithEquityPositionsAndState() throws Exception {
        OutputStream tee = new OutputStream() {
            @Override
            public synchronized void write(int b) {
                captured.write(b);
                realErr.write(b);
            }
        };
        System.setErr(new PrintStream(tee, true, StandardCharsets.UTF_8));
        Instant start = Instant.parse("2026-03-02T10:00:00Z");
        MutableClock wall = new MutableClock(start);
        try (RunningGateway g = RunningGateway.start(dataDir, "", RunningGateway.SPEED, wall)) {
            g.write("POST", "/api/trading-mode", "{\"mode\":\"paused\",\"rationale\":\"alive test\"}");
            for (int minute = 0; minute < 12; minute++) { // a pass a minute, as the middle loop runs by default
                wall.set(start.plus(Duration.ofMinutes(minute)));
                g.gateway().middle().run();
            }
        }
        List<String> alive = captured.toString(StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains("alive: ")).toList();

        assertThat(alive).hasSize(3); // minutes 0-4, 5-9 and 10-11
        assertThat(alive).allSatisfy(l -> assertThat(l)
                .containsPattern("INFO .*alive: equity \\d+\\.\\d\\d, open positions \\d+, trading [A-Z_]+, params"
                        + " version \\d+$")
                .doesNotContain(RunningGateway.TOKEN, RunningGateway.MODEL_TOKEN));
        assertThat(alive.get(2)).contains("trading PAUSED"); // the first may precede the pause
    }
}
