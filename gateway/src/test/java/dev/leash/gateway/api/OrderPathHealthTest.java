package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.testsupport.Eventually;
import dev.leash.gateway.app.RunningGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/health} on a running gateway reports the order path and the market data: all clear while they are,
 * and, once the trade journal stops taking writes, what failed, since when and which symbols are held reduce-only.
 */
@Timeout(60)
class OrderPathHealthTest {

    @TempDir
    Path dataDir;

    private RunningGateway gw;

    @AfterEach
    void stop() throws Exception {
        if (gw != null) {
            try {
                gw.close();
            } catch (dev.leash.journal.JournalException closedByTheTest) {
                gw.gateway().store().close(); // the gateway's close stopped at the journal this test closed
            }
        }
    }

    @Test
    void healthSaysWhatHappenedWhenTheJournalStopsTakingWrites() throws Exception {
        gw = RunningGateway.start(dataDir);
        JsonNode h = Eventually.await("the inner loop has stepped", Duration.ofSeconds(10), this::health,
                n -> n.path("inner_loop").path("steps").asLong() > 0);
        assertThat(h.path("order_path").path("ok").asBoolean()).isTrue();
        assertThat(h.path("order_path").path("journal").path("ok").asBoolean()).isTrue();
        assertThat(h.path("order_path").path("held_symbols")).isEmpty();
        JsonNode feed = h.path("feed");
        assertThat(feed.path("ok").asBoolean()).isTrue();
        assertThat(feed.path("stale_after_ms").asLong()).isEqualTo(30_000);
        assertThat(feed.path("lag_ms").path("max").asLong()).isZero(); // the simulated venue's ticks are current
        assertThat(feed.path("lag_ms").path("samples").asInt()).isPositive();
        assertThat(feed.path("symbols")).extracting(s -> s.path("state").asText()).containsOnly("ACTIVE");

        gw.gateway().journal().close(); // every later write fails

        JsonNode down = Eventually.await("a symbol held for the journal", Duration.ofSeconds(20), this::health,
                n -> !n.path("order_path").path("held_symbols").isEmpty());
        assertThat(down.path("status").asText()).isEqualTo("degraded");
        JsonNode journal = down.path("order_path").path("journal");
        assertThat(journal.path("ok").asBoolean()).isFalse();
        assertThat(journal.path("failed_writes").asLong()).isPositive();
        assertThat(journal.path("queued_writes").asLong()).isPositive();
        assertThat(journal.path("first_failure").asText()).isNotBlank();
        assertThat(journal.path("last_error").asText()).isNotBlank().doesNotContain("\tat ");
        assertThat(Instant.parse(journal.path("failing_since").asText())).isNotNull();
        JsonNode held = down.path("order_path").path("held_symbols").get(0);
        assertThat(gw.gateway().venue().symbols()).contains(held.path("symbol").asText());
        assertThat(held.path("state").asText()).isEqualTo("REDUCE_ONLY");
        assertThat(held.path("cause").asText()).isEqualTo("unreconciled");
        assertThat(held.path("detail").asText()).startsWith("journal write failed: ");
        assertThat(Instant.parse(held.path("since").asText())).isNotNull();
    }

    private JsonNode health() {
        RunningGateway.Response r = gw.get("/api/health");
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }
}
