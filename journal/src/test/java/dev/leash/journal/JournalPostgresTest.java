package dev.leash.journal;

import dev.leash.testsupport.EmbeddedPostgresServer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What only a server database does: passwords, connections that break, and a server that stops and returns. */
@Timeout(120)
class JournalPostgresTest {

    private static final Duration BACKOFF = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void connectsWithTheUserAndPasswordOfTheEnvironmentOverScram() {
        EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.shared().createDatabase();
        JournalOptions options = JournalOptions.DEFAULTS.withCredentialsFrom(Map.of(
                JournalOptions.USER_ENV, db.user(), JournalOptions.PASSWORD_ENV, db.password()));

        try (Journal journal = Journal.open(db.url(), options)) {
            journal.putState("k", "v");

            assertThat(journal.getState("k")).contains("v");
        }
    }

    @Test
    void refusesToOpenWithoutThePasswordAndSaysWhy() {
        EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.shared().createDatabase();

        assertThatThrownBy(() -> Journal.open(db.url(), JournalOptions.DEFAULTS.withCredentials(db.user(), null)))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("cannot open journal jdbc:postgresql://")
                .hasMessageContaining("no password was provided");
        assertThatThrownBy(() -> Journal.open(db.url(), JournalOptions.DEFAULTS.withCredentials(db.user(),
                "wrong-" + db.password())))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("password authentication failed")
                .hasMessageNotContaining(db.password());
    }

    @Test
    void optionsNeverPrintThePassword() {
        assertThat(JournalOptions.DEFAULTS.withCredentials("leash", "hunter2").toString())
                .contains("leash").doesNotContain("hunter2");
    }

    @Test
    void aKilledConnectionCostsNoWriteAndNoRead() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        try (Journal journal = open(db)) {
            journal.recordEvent(1, JournalEvent.FAULT, "before");
            fillThePool(journal);

            server.admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                    + db.name() + "'");

            journal.recordEvent(2, JournalEvent.FAULT, "after");
            assertThat(journal.events(null, 10)).extracting(JournalEvent::message)
                    .containsExactly("after", "before");
        }
    }

    @Test
    void aStoppedServerFailsWritesFastAndTheJournalWritesAgainOnceItReturns() throws Exception {
        Path data = dir.resolve("data");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        int port = server.port();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        try (Journal journal = open(db)) {
            journal.recordEvent(1, JournalEvent.FAULT, "acknowledged before the outage");
            journal.recordOrder(Fixtures.intent("c1", "BTCUSDT", 1, 1), "SENDING", null, null, 1);
            server.close();

            long start = System.nanoTime();
            assertThatThrownBy(() -> journal.recordEvent(2, JournalEvent.FAULT, "during"))
                    .isInstanceOf(JournalUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .as("one connection timeout at most").isLessThan(JournalOptions.DEFAULT_CONNECTION_TIMEOUT
                            .plusSeconds(2));

            long retry = System.nanoTime();
            assertThatThrownBy(() -> journal.recordEvent(3, JournalEvent.FAULT, "during the backoff"))
                    .isInstanceOf(JournalUnavailableException.class).hasMessageContaining("not attempted");
            assertThatThrownBy(() -> journal.events(null, 10)).isInstanceOf(JournalUnavailableException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - retry)).as("no attempt while backing off")
                    .isLessThan(Duration.ofMillis(200));

            server = EmbeddedPostgresServer.start(data, port);
            nanos.addAndGet(BACKOFF.toNanos() + 1);

            journal.recordEvent(4, JournalEvent.FAULT, "after the outage");
            assertThat(journal.events(null, 10)).extracting(JournalEvent::message)
                    .containsExactly("after the outage", "acknowledged before the outage");
            assertThat(journal.order("c1")).isPresent();
        } finally {
            server.close();
        }
    }

    /** Reads from several threads at once, so the pool holds more than one connection to be cut. */
    private static void fillThePool(Journal journal) throws Exception {
        java.util.concurrent.ExecutorService readers = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<?>> reads = new java.util.ArrayList<>();
            for (int i = 0; i < 16; i++) {
                reads.add(readers.submit(() -> journal.events(null, 10)));
            }
            for (java.util.concurrent.Future<?> r : reads) {
                r.get();
            }
        } finally {
            readers.shutdownNow();
        }
    }

    private Journal open(EmbeddedPostgresServer.Database db) {
        JournalOptions options = new JournalOptions(db.user(), db.password(), JournalOptions.DEFAULT_MAX_POOL_SIZE,
                JournalOptions.DEFAULT_CONNECTION_TIMEOUT, JournalOptions.DEFAULT_SOCKET_TIMEOUT, BACKOFF);
        return Journal.open(db.url(), options, nanos::get);
    }
}
