package dev.leash.params;

import dev.leash.risk.Params;
import dev.leash.testsupport.JavaProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Kills a writing child JVM with SIGKILL at random instants and checks, before the store is opened again, that the
 * file is a whole journaled version, the journal has at most a torn last line, and every acknowledged write is in
 * the journal and in the file; then that opening recovers the newest accepted version.
 */
class CrashSafetyTest {

    /** SIGKILLs per run. */
    private static final int KILLS = 200;
    /** Kills that reuse one directory before the next starts afresh, so the journal stays small enough to scan. */
    private static final int KILLS_PER_DIRECTORY = 25;
    /** One kill in this many lands at a random instant after start (JVM start, open, recovery). */
    private static final int EARLY_KILL_EVERY = 4;
    private static final long SEED = 20250106L;
    private static final int SIGKILL_EXIT = 128 + 9;

    /** Independent writer/killer chains run side by side, one per core of a small CI machine. */
    private static final int CHAINS = 2;

    @TempDir
    Path root;

    private final ExecutorService readers = Executors.newCachedThreadPool();
    private final AtomicInteger acks = new AtomicInteger();
    private final AtomicInteger staleFiles = new AtomicInteger();
    private final AtomicInteger tornTails = new AtomicInteger();

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void acknowledgedWritesSurviveSigkillAndTheFileIsNeverTorn() throws Exception {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(CHAINS);
        try {
            List<Future<Integer>> chains = new ArrayList<>();
            for (int c = 0; c < CHAINS; c++) {
                int chain = c;
                chains.add(pool.submit(() -> runChain(chain, KILLS / CHAINS)));
            }
            int kills = 0;
            for (Future<Integer> f : chains) {
                kills += f.get();
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            System.err.printf("CrashSafetyTest: %d SIGKILLs in %d s; %d acknowledged writes; file one version behind"
                    + " the journal after %d kills; torn journal tail after %d kills%n", kills, seconds, acks.get(),
                    staleFiles.get(), tornTails.get());
            assertThat(kills).isEqualTo(KILLS);
            assertThat(acks.get()).isPositive();
        } finally {
            pool.shutdownNow();
            readers.shutdownNow();
        }
    }

    /** Kills writers in one directory after another; returns the number of kills. */
    private int runChain(int chain, int kills) throws Exception {
        Random random = new Random(SEED + chain);
        Path log = root.resolve("chain-" + chain + ".log");
        Path dir = null;
        for (int kill = 0; kill < kills; kill++) {
            if (kill % KILLS_PER_DIRECTORY == 0) {
                dir = root.resolve("store-" + chain + "-" + kill / KILLS_PER_DIRECTORY);
                ParamStore.open(dir, POLICY, BASELINE, T0).close();
            }
            boolean early = kill % EARLY_KILL_EVERY == EARLY_KILL_EVERY - 1;
            int delayMillis = early ? random.nextInt(500) : 20 + random.nextInt(231);
            String where = "chain " + chain + ", kill " + kill + (early ? " (early, " : " (")
                    + delayMillis + " ms)";
            List<Long> acked = runAndKill(dir, log, early, delayMillis);
            checkWithoutOpening(dir, acked, where);
            checkOpenRecovers(dir);
        }
        return kills;
    }

    /** Starts a writer and SIGKILLs it {@code delayMillis} after its first ACK (or after start when early). */
    private List<Long> runAndKill(Path dir, Path log, boolean early, int delayMillis) throws Exception {
        Process child = JavaProcess.main(CrashWriter.class).jvm("-XX:+UseSerialGC", "-XX:-UsePerfData")
                .args(dir.toString()).builder().redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        List<Long> acked = new CopyOnWriteArrayList<>();
        CountDownLatch firstAck = new CountDownLatch(1);
        Future<?> reader = readers.submit(() -> readAcks(child, acked, firstAck));
        if (!early && !firstAck.await(60, TimeUnit.SECONDS)) {
            child.toHandle().destroyForcibly();
            fail("no ACK within 60 s; child log:%n%s", tail(log));
        }
        if (child.waitFor(delayMillis, TimeUnit.MILLISECONDS)) {
            fail("the writer exited by itself with %d; child log:%n%s", child.exitValue(), tail(log));
        }
        // SIGKILL through the handle: Process.destroyForcibly() would also close our end of the child's stdout and
        // lose the ACKs still in the pipe, which are exactly the ones this test must check.
        assertThat(child.toHandle().destroyForcibly()).isTrue();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(SIGKILL_EXIT);
        reader.get(30, TimeUnit.SECONDS);
        acks.addAndGet(acked.size());
        return List.copyOf(acked);
    }

    private static void readAcks(Process child, List<Long> acks, CountDownLatch firstAck) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("ACK ")) {
                    acks.add(Long.parseLong(line.substring(4)));
                    firstAck.countDown();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a reader sees right after the crash, before anyone repairs anything. */
    private void checkWithoutOpening(Path dir, List<Long> acked, String where) throws IOException {
        AuditLog audit = ParamStore.readAudit(dir);
        if (!audit.problems().isEmpty()) {
            assertThat(audit.problems()).as("%s", where).singleElement().asString()
                    .contains("skipped a torn last line");
            tornTails.incrementAndGet();
        }
        Map<Long, Params> accepted = new HashMap<>();
        long newest = 0;
        for (AuditEntry e : audit.entries()) {
            if (e.createdVersion()) {
                assertThat(e.version()).as("%s: versions are consecutive", where).isEqualTo(newest + 1);
                accepted.put(e.version(), e.params());
                newest = e.version();
            }
        }
        assertThat(acked).as("%s: every acknowledged version is journaled as accepted", where)
                .allSatisfy(v -> assertThat(accepted).containsKey(v));

        String text = Files.readString(dir.resolve(ParamStore.PARAMS_FILE));
        ParamsJson.JsonParse tree = ParamsJson.readTree(text);
        assertThat(tree.error()).as("%s: %s parses", where, ParamStore.PARAMS_FILE).isNull();
        ParamsJson.Parsed parsed = ParamsJson.parseDocument(tree.node());
        assertThat(parsed.violations()).as("%s", where).isEmpty();
        long onDisk = parsed.params().version();
        assertThat(onDisk).as("%s: the file is the newest journaled version or the one before", where)
                .isBetween(newest - 1, newest);
        assertThat(text).as("%s: the file is version %d written whole", where, onDisk)
                .isEqualTo(ParamsJson.toText(accepted.get(onDisk)));
        if (!acked.isEmpty()) {
            assertThat(onDisk).as("%s: the file holds at least the last acknowledged version", where)
                    .isGreaterThanOrEqualTo(acked.get(acked.size() - 1));
        }
        if (onDisk < newest) {
            staleFiles.incrementAndGet();
        }
    }

    private static void checkOpenRecovers(Path dir) throws IOException {
        Params newest = null;
        for (AuditEntry e : ParamStore.readAudit(dir).entries()) {
            if (e.createdVersion()) {
                newest = e.params();
            }
        }
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            assertThat(store.current()).isEqualTo(newest);
            assertThat(Files.readString(dir.resolve(ParamStore.PARAMS_FILE))).isEqualTo(ParamsJson.toText(newest));
        }
        assertThat(ParamStore.readAudit(dir).problems()).as("open cut any torn tail").isEmpty();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no output)";
        }
        String all = Files.readString(log);
        return all.length() <= 4000 ? all : all.substring(all.length() - 4000);
    }
}
