package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.journal.JournalEvent;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.testsupport.Eventually;
import dev.leash.venue.Venue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The middle loop cannot die and cannot block anything else: a failing pass is counted and reported by kind, a
 * stalled loop makes the gateway degraded and reduce-only until passes resume, and a FIFO at the parameter path
 * blocks neither reads nor the trading-mode write.
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class MiddleLoopStallTest {

    private static final String FAST_MIDDLE_LOOP = "loops:\n  middle_seconds: 1\n";
    private static final Duration A_FEW_PASSES = Duration.ofSeconds(15);
    private static final String SECRET = "sk-live-7f3a9c2e11d04b5f";

    @TempDir
    Path dataDir;

    private static JsonNode health(RunningGateway g) {
        return g.get("/api/health").json();
    }

    /** The gateway's venue, except that {@code openOrders} throws whatever {@code fault} holds. */
    private static Venue failing(Venue venue, AtomicReference<Throwable> fault) {
        return (Venue) Proxy.newProxyInstance(Venue.class.getClassLoader(), new Class<?>[]{Venue.class},
                (proxy, method, args) -> {
                    Throwable t = fault.get();
                    if (t != null && method.getName().equals("openOrders")) {
                        throw t;
                    }
                    try {
                        return method.invoke(venue, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static MiddleLoop middleLoopOn(Gateway gw, Venue venue) {
        return new MiddleLoop(gw.store(), gw.inner(), venue, gw.pacer(), Clock.systemUTC(), gw.config(),
                new JournalRecorder(gw.journal()), gw.journal());
    }

    @Test
    void aPassThatThrowsAnErrorIsCountedAndReportedByKindAndTheNextPassRuns() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir)) {
            AtomicReference<Throwable> fault = new AtomicReference<>(new OutOfMemoryError("heap " + SECRET));
            MiddleLoop loop = middleLoopOn(g.gateway(), failing(g.gateway().venue(), fault));

            assertThatCode(loop::run).doesNotThrowAnyException();

            assertThat(loop.failedPasses()).isEqualTo(1);
            assertThat(loop.lastCompletedWallMillis()).isZero();
            assertThat(loop.health().lastError()).isEqualTo("middle loop pass failed: OutOfMemoryError");

            fault.set(null);
            loop.run();

            assertThat(loop.failedPasses()).isEqualTo(1);
            assertThat(loop.lastCompletedWallMillis()).isPositive();
            assertThat(loop.health().lastError()).isNull();
        }
    }

    @Test
    void theMessageOfAFailedPassReachesNeitherHealthNorTheJournal() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir)) {
            AtomicReference<Throwable> fault = new AtomicReference<>(new IllegalStateException("token " + SECRET));
            MiddleLoop loop = middleLoopOn(g.gateway(), failing(g.gateway().venue(), fault));

            loop.run();

            assertThat(loop.health().lastError()).isEqualTo("middle loop pass failed: IllegalStateException");
            assertThat(g.gateway().journal().events("fault", 50)).extracting(JournalEvent::message)
                    .contains("middle loop pass failed: IllegalStateException")
                    .noneMatch(m -> m.contains(SECRET) || m.contains("\tat "));
        }
    }

    @Test
    void aStalledMiddleLoopDegradesHealthAndGoesReduceOnlyUntilPassesResume() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir, FAST_MIDDLE_LOOP)) {
            Eventually.await("the gateway trades", A_FEW_PASSES, () -> health(g),
                    h -> "ACTIVE".equals(h.path("trading_state").asText()));

            synchronized (g.gateway().middle()) { // no pass can run while the test holds the loop
                JsonNode stalled = Eventually.await("the watchdog reports the stall", A_FEW_PASSES, () -> health(g),
                        h -> h.path("middle_loop").path("stalled").asBoolean()
                                && "REDUCE_ONLY".equals(h.path("trading_state").asText()));
                assertThat(stalled.path("status").asText()).isEqualTo("degraded");
                assertThat(stalled.path("middle_loop").path("ok").asBoolean()).isFalse();
                assertThat(g.gateway().journal().events("fault", 10)).extracting(JournalEvent::message)
                        .anyMatch(m -> m.startsWith("middle loop stalled"));
            }

            JsonNode resumed = Eventually.await("trading resumes with the passes", A_FEW_PASSES, () -> health(g),
                    h -> !h.path("middle_loop").path("stalled").asBoolean()
                            && "ACTIVE".equals(h.path("trading_state").asText()));
            assertThat(resumed.path("middle_loop").path("ok").asBoolean()).isTrue();
        }
    }

    @Test
    void aFifoAtTheParamsPathBlocksNoReadAndNoTradingModeWrite() throws Exception {
        try (RunningGateway g = RunningGateway.start(dataDir, FAST_MIDDLE_LOOP)) {
            Path fifo = g.paramsFile();
            Files.delete(fifo);
            assumeThat(mkfifo(fifo)).as("mkfifo available").isTrue();
            try {
                JsonNode params = Eventually.await("the FIFO is reported", A_FEW_PASSES,
                        () -> g.get("/api/params").json(), p -> !p.path("reload_problems").isEmpty());
                assertThat(params.path("reload_problems").get(0).asText()).contains("not a regular file");
                assertThat(health(g).path("status").asText()).isEqualTo("degraded");

                RunningGateway.Response paused = g.write("POST", "/api/trading-mode",
                        "{\"mode\": \"paused\", \"rationale\": \"emergency stop\"}");

                assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
                assertThat(g.get("/api/params").json().path("params").path("trading_mode").asText())
                        .isEqualTo("paused");
                assertThat(g.get("/api/state").status()).isEqualTo(200);
            } finally {
                release(fifo);
            }
        }
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
        if (!Files.exists(fifo) || Files.isRegularFile(fifo)) {
            return;
        }
        try {
            new RandomAccessFile(fifo.toFile(), "rw").close();
        } catch (IOException ignored) {
            // gone meanwhile
        }
    }
}
