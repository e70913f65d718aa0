package dev.leash.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalConcurrencyTest {

    @Parameter
    Backend backend;

    private static final int WRITES = 300;

    @TempDir
    Path dir;

    private Store store;

    @Test
    void readersSeeCommittedWritesWhileTheWriterWrites() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicBoolean writing = new AtomicBoolean(true);
        try (Journal journal = store().open()) {
            List<Future<Integer>> readers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                readers.add(pool.submit(journalReader(journal, writing)));
            }
            readers.add(pool.submit(externalReader(writing)));
            Future<?> writer = pool.submit(() -> {
                try {
                    for (int i = 0; i < WRITES; i++) {
                        journal.recordEvent(i, JournalEvent.FAULT, "event " + i);
                        journal.recordEquity(i, 1_000 + i, 1_000, i);
                    }
                } finally {
                    writing.set(false);
                }
            });

            writer.get();
            for (Future<Integer> reader : readers) {
                assertThat(reader.get()).as("reads made while writing").isPositive();
            }
            assertThat(journal.events(null, 1_000)).hasSize(WRITES);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentWritersAllLandOnceWithDistinctIds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Journal journal = store().open()) {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < WRITES / 4; i++) {
                        journal.recordEvent(i, JournalEvent.FAULT, "writer " + writer + " event " + i);
                        journal.recordOrder(Fixtures.intent("w" + writer + "-" + i, "BTCUSDT", 1, i), "NEW", null,
                                null, i);
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }

            assertThat(store().query("SELECT COUNT(DISTINCT id) FROM events")).isEqualTo(WRITES);
            assertThat(store().query("SELECT COUNT(*) FROM orders")).isEqualTo(WRITES);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads through the journal until the writer stops; the counts it sees never go down. */
    private static Callable<Integer> journalReader(Journal journal, AtomicBoolean writing) {
        return () -> {
            int reads = 0;
            int seen = 0;
            while (writing.get()) {
                int now = journal.equityCurve(0, Long.MAX_VALUE, 10_000).size();
                assertThat(now).isGreaterThanOrEqualTo(seen);
                assertThat(journal.events(JournalEvent.FAULT, 5)).hasSizeLessThanOrEqualTo(5);
                seen = now;
                reads++;
            }
            return reads;
        };
    }

    /** Reads through its own connection, as an operator's sqlite3 or psql shell would. */
    private Callable<Integer> externalReader(AtomicBoolean writing) {
        return () -> {
            int reads = 0;
            try (Connection c = store().connect();
                 Statement s = c.createStatement()) {
                if (backend == Backend.SQLITE) {
                    s.execute("PRAGMA busy_timeout = 10000");
                }
                while (writing.get()) {
                    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
                        rs.next();
                        assertThat(rs.getInt(1)).isBetween(0, WRITES);
                    }
                    reads++;
                }
            }
            return reads;
        };
    }

    /** This test's database, created on first use. */
    private Store store() {
        if (store == null) {
            store = backend.create(dir);
        }
        return store;
    }
}
