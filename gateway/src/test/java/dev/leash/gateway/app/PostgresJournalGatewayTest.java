package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.engine.Decision;
import dev.leash.journal.JournalException;
import dev.leash.journal.JournalOptions;
import dev.leash.testsupport.EmbeddedPostgresServer;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A gateway journaling to a real PostgreSQL server: credentials from the environment, and a server that goes away. */
@Timeout(180)
class PostgresJournalGatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void journalsToPostgresWithTheUserAndPasswordOfTheEnvironment() throws Exception {
        EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.shared().createDatabase();

        try (RunningGateway g = start(db, "")) {
            List<Decision> decisions = Eventually.await("decisions journaled in PostgreSQL", WAIT,
                    () -> g.gateway().journal().decisions(null, 5), d -> !d.isEmpty());

            assertThat(decisions).isNotEmpty();
            assertThat(g.get("/api/health").json().path("order_path").path("journal").path("ok").asBoolean(true))
                    .isTrue();
        }
    }

    @Test
    void aStoppedDatabaseNeverStopsTheInnerLoopAndDecisionsAreJournaledAgainOnceItReturns() throws Exception {
        Path data = dir.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        int port = server.port();
        EmbeddedPostgresServer.Database db = server.createDatabase();
        try (RunningGateway g = start(db, "  connection_timeout_ms: 250\n  retry_backoff_ms: 200\n")) {
            Eventually.await("first decisions journaled", WAIT, () -> g.gateway().journal().decisions(null, 1),
                    d -> !d.isEmpty());

            server.close();
            JsonNode down = Eventually.await("health reports the journal failing", WAIT,
                    () -> g.get("/api/health").json(),
                    h -> !h.path("order_path").path("journal").path("ok").asBoolean(true));
            long stoppedAt = g.gateway().tradingTime();
            Eventually.await("the inner loop steps on while the database is down", WAIT,
                    () -> g.gateway().tradingTime(), t -> t > stoppedAt + Duration.ofHours(2).toMillis());
            assertThat(down.path("order_path").path("journal").path("last_error").asText())
                    .contains("unavailable");

            server = EmbeddedPostgresServer.start(data, port);
            long back = g.gateway().tradingTime();

            Eventually.await("decisions journaled again after the database returned", WAIT,
                    () -> newestDecision(g), d -> !d.isEmpty() && d.get(0).time() > back);
            JsonNode healed = Eventually.await("health reports the journal caught up", WAIT,
                    () -> g.get("/api/health").json(),
                    h -> h.path("order_path").path("journal").path("ok").asBoolean(false));
            assertThat(healed.path("order_path").path("journal").path("queued_writes").asInt()).isZero();
        } finally {
            server.close();
        }
    }

    @Test
    void anOperatorHaltTheJournalCannotTakeIsNotAcknowledged() throws Exception {
        Path data = dir.resolve("pg");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data, 0);
        EmbeddedPostgresServer.Database db = server.createDatabase();
        try (RunningGateway g = start(db, "  connection_timeout_ms: 250\n  retry_backoff_ms: 200\n")) {
            Eventually.await("first decisions journaled", WAIT, () -> g.gateway().journal().decisions(null, 1),
                    d -> !d.isEmpty());
            server.close(); // and not started again: the gateway stops without its journal
            Eventually.await("health reports the journal failing", WAIT, () -> g.get("/api/health").json(),
                    h -> !h.path("order_path").path("journal").path("ok").asBoolean(true));

            RunningGateway.Response halt = g.write("POST", "/api/trading-mode",
                    "{\"mode\": \"halted\", \"rationale\": \"database is down\"}");

            assertThat(halt.status()).as("not acknowledged: not durable").isEqualTo(500);
            assertThat(halt.body()).doesNotContain("Exception").doesNotContain("halted\":true");
        }
    }

    @Test
    void twoGatewaysShareOneDatabaseAndASecondWithTheSameAccountCannotTakeOverTheFirst() throws Exception {
        EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.shared().createDatabase();

        try (RunningGateway first = start(db, dir.resolve("a"), 11);
             RunningGateway second = start(db, dir.resolve("b"), 22)) {
            // each saves its paper account with its first change (a start, a bar, a fill): wait for both
            String firstAccount = savedAccount(first);
            assertThat(savedAccount(second)).isNotEqualTo(firstAccount);

            assertThatThrownBy(() -> start(db, dir.resolve("c"), 11)).hasMessageContaining(
                    "gateway id 'simulated-11' is in use by another running gateway");
            assertThat(first.get("/api/health").json().path("inner_loop").path("ok").asBoolean()).isTrue();
        }
    }

    /** The paper account the gateway saved in its own journal rows, once it has saved one. */
    private static String savedAccount(RunningGateway g) {
        return Eventually.await("the paper account saved", WAIT,
                () -> g.gateway().journal().getState(Venues.SIMULATED_ACCOUNT_KEY), java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The newest journaled decision, or none while the journal cannot be read. */
    private static List<Decision> newestDecision(RunningGateway g) {
        try {
            return g.gateway().journal().decisions(null, 1);
        } catch (JournalException e) {
            return List.of();
        }
    }

    private static RunningGateway start(EmbeddedPostgresServer.Database db, Path dataDir, long seed) throws Exception {
        return RunningGateway.start(dataDir, "simulated:\n  seed: " + seed + "\njournal:\n  url: " + db.url() + "\n",
                RunningGateway.SPEED, Clock.systemUTC(),
                Map.of(JournalOptions.USER_ENV, db.user(), JournalOptions.PASSWORD_ENV, db.password()));
    }

    private RunningGateway start(EmbeddedPostgresServer.Database db, String poolYaml) throws Exception {
        return RunningGateway.start(dir.resolve("data"), "journal:\n  url: " + db.url() + "\n" + poolYaml,
                RunningGateway.SPEED, Clock.systemUTC(),
                Map.of(JournalOptions.USER_ENV, db.user(), JournalOptions.PASSWORD_ENV, db.password()));
    }
}
