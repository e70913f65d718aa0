package dev.leash.journal;

import dev.leash.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lock that lets one running gateway use an id, across a database that restarts or a session that is cut. */
@Timeout(120)
class JournalGatewayLockTest {

    private static final Duration BACKOFF = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aGatewayTakesItsLockAgainAfterTheDatabaseRestartsSoASecondGatewayWithItsIdIsStillRefused() throws Exception {
        Path data = dir.resolve("data");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        int port = server.port();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        try (Journal first = open(db, "restarted-1")) {
            first.putState("paper_account", "{\"wallet\":1000}");
            server.close();
            server = EmbeddedPostgresServer.start(data, port);
            nanos.addAndGet(BACKOFF.toNanos() + 1);

            first.putState("paper_account", "{\"wallet\":1001}");

            assertThatThrownBy(() -> open(db, "restarted-1")).isInstanceOf(JournalException.class)
                    .hasMessageContaining("gateway id 'restarted-1' is in use by another running gateway");
            assertThat(first.getState("paper_account")).contains("{\"wallet\":1001}");
        } finally {
            server.close();
        }
    }

    @Test
    void aGatewayWhoseIdWasTakenWhileItsLockWasLostWritesNoMoreRowsAndSaysWhy() {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.shared();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        try (Journal first = open(db, "cut-1")) {
            first.putState("paper_account", "{\"wallet\":1000}");
            // the timeout waits for the backend to exit, so its lock is free before the next open (CI saw it held)
            server.admin("SELECT pg_terminate_backend(l.pid, 10000) FROM pg_locks l JOIN pg_stat_activity a"
                    + " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.datname = '" + db.name() + "'");
            try (Journal second = open(db, "cut-1")) {
                second.putState("paper_account", "{\"wallet\":2000}");

                assertThatThrownBy(() -> first.putState("paper_account", "{\"wallet\":999}"))
                        .isInstanceOf(JournalOwnershipLostException.class)
                        .hasMessageContaining("gateway id 'cut-1' was taken by another running gateway");
                assertThatThrownBy(() -> first.recordEvent(1, JournalEvent.FAULT, "never written"))
                        .isInstanceOf(JournalOwnershipLostException.class);
                assertThat(second.getState("paper_account")).contains("{\"wallet\":2000}");
                assertThat(second.events(null, 10)).isEmpty();
            }
        }
    }

    private Journal open(EmbeddedPostgresServer.Database db, String gatewayId) {
        JournalOptions options = new JournalOptions(db.user(), db.password(), JournalOptions.DEFAULT_MAX_POOL_SIZE,
                JournalOptions.DEFAULT_CONNECTION_TIMEOUT, JournalOptions.DEFAULT_SOCKET_TIMEOUT, BACKOFF)
                .withGatewayId(gatewayId);
        return Journal.open(db.url(), options, nanos::get);
    }
}
