package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.risk.Params;
import dev.leash.risk.Rule;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentWritesTest {

    private static final int THREADS = 8;
    private static final int ATTEMPTS_PER_THREAD = 25;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void compareAndSetAdmitsExactlyOneWinnerPerVersion() throws Exception {
        List<WriteResult> results = new ArrayList<>();
        Params last;
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<List<WriteResult>>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    String author = "writer-" + t;
                    futures.add(pool.submit(() -> {
                        start.await();
                        return writeLoop(store, author);
                    }));
                }
                start.countDown();
                for (Future<List<WriteResult>> f : futures) {
                    results.addAll(f.get());
                }
            } finally {
                pool.shutdown();
            }
            last = store.current();
            assertThat(Files.readString(dir.resolve(ParamStore.PARAMS_FILE))).isEqualTo(ParamsJson.toText(last));
        }

        List<WriteResult> winners = results.stream().filter(WriteResult::accepted).toList();
        List<WriteResult> losers = results.stream().filter(r -> !r.accepted()).toList();
        assertThat(results).hasSize(THREADS * ATTEMPTS_PER_THREAD);
        assertThat(winners).isNotEmpty();
        assertThat(winners).extracting(r -> r.entry().version()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(2, winners.size() + 1).boxed().toList());
        assertThat(losers).allSatisfy(r -> {
            assertThat(r.conflict()).isTrue();
            assertThat(r.violations()).extracting(Violation::rule).containsExactly(Rule.VERSION_CONFLICT);
        });
        assertThat(last.version()).isEqualTo(winners.size() + 1);

        List<AuditEntry> journal = ParamStore.readAudit(dir).entries();
        assertThat(journal).hasSize(results.size() + 1);
        assertThat(journal).extracting(AuditEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, journal.size()).boxed().toList());
        assertThat(journal.stream().filter(AuditEntry::createdVersion).map(AuditEntry::version).toList())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last.version()).boxed().toList());
        assertThat(journal.stream().filter(e -> e.verdict() == AuditEntry.Verdict.CONFLICT).count())
                .isEqualTo(losers.size());
        try (ParamStore reopened = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            assertThat(reopened.current()).isEqualTo(last);
            assertThat(reopened.openReport()).isEmpty();
        }
        System.err.printf("ConcurrentWritesTest: %d attempts, %d accepted, %d conflicts%n", results.size(),
                winners.size(), losers.size());
    }

    /** Reads the current version and proposes a lookback toggle (20 <-> 25: always within the rules) on it. */
    private static List<WriteResult> writeLoop(ParamStore store, String author) throws Exception {
        List<WriteResult> out = new ArrayList<>();
        for (int i = 0; i < ATTEMPTS_PER_THREAD; i++) {
            Params seen = store.current();
            int lookback = seen.breakoutLookback() == 20 ? 25 : 20;
            JsonNode changes = ParamsJson.MAPPER.createObjectNode().put("breakout_lookback", lookback);
            out.add(store.propose(seen.version(), changes, author, "toggle " + i, false, T0));
        }
        return out;
    }
}
