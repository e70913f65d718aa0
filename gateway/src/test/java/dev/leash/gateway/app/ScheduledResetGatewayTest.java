package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.Params;
import dev.leash.risk.ScheduledReset;
import dev.leash.risk.TradingMode;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled reset in a running gateway on a test clock: it lowers what is riskier than the baseline and keeps a
 * pause and a smaller position size; one missed while the gateway was stopped runs once at the next start.
 */
@Timeout(60)
class ScheduledResetGatewayTest {

    private static final Duration RESET_RUNS = Duration.ofSeconds(15);
    private static final Instant DAY = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(DAY.plus(Duration.ofHours(23).plusMinutes(59)));

    @Test
    void aResetDueWhileRunningKeepsThePauseAndTheSmallerSizeAndLowersTheWiderStop() throws Exception {
        try (Gateway gw = start()) {
            accept(gw, "{\"max_position_pct\": 0.3, \"trading_mode\": \"paused\"}");
            accept(gw, "{\"stop_loss_pct\": 2.0}"); // baseline 1.5

            clock.set(DAY.plus(Duration.ofHours(24).plusSeconds(30)));
            Params p = Eventually.await("the scheduled reset", RESET_RUNS, () -> gw.store().current(),
                    c -> c.updatedBy().equals("scheduler"));

            assertThat(p.tradingMode()).isEqualTo(TradingMode.PAUSED);
            assertThat(p.maxPositionPct()).isEqualTo(0.3);
            assertThat(p.stopLossPct()).isEqualTo(1.5);
            // The version is published a moment before the pass records the reset as done (next_due reads "now").
            JsonNode reset = Eventually.await("the reset recorded as done", RESET_RUNS,
                    () -> scheduledReset(gw),
                    r -> !r.path("next_due").asText().startsWith("2026-01-06"));
            assertThat(reset.get("rule").asText()).isEqualTo(ScheduledReset.RULE);
            assertThat(reset.get("schedule").asText()).isEqualTo("daily, 00:00 UTC");
            assertThat(reset.get("next_due").asText()).isEqualTo("2026-01-07T00:00:00Z");
        }
    }

    @Test
    void aResetMissedWhileStoppedRunsOnceAtTheNextStart() throws Exception {
        clock.set(DAY.plus(Duration.ofHours(12)));
        try (Gateway gw = start()) {
            accept(gw, "{\"stop_loss_pct\": 2.0}");
        }

        clock.set(DAY.plus(Duration.ofHours(36))); // the reset due at midnight passed while stopped
        long version;
        try (Gateway gw = start()) {
            Params p = Eventually.await("the missed reset", RESET_RUNS, () -> gw.store().current(),
                    c -> c.updatedBy().equals("scheduler"));
            assertThat(p.stopLossPct()).isEqualTo(1.5);
            // the middle loop journals the event just after the store's write: wait for it rather than race it
            Eventually.await("the missed reset's journal entry", RESET_RUNS, () -> gw.journal().events("params", 20),
                    es -> es.stream().anyMatch(e -> e.message().contains("missed while the gateway was stopped")));
            version = p.version();
        }

        clock.set(DAY.plus(Duration.ofHours(37)));
        try (Gateway gw = start()) {
            Eventually.await("a middle-loop pass", RESET_RUNS, () -> gw.middle().health().lastRunWallMillis(),
                    t -> t == clock.millis());
            assertThat(gw.store().current().version()).isEqualTo(version);
        }
    }

    @Test
    void theScheduleIsWorkedOutOncePerDayAndReadsNowWhileAResetIsDue() throws Exception {
        try (Gateway gw = start()) {
            MiddleLoop.ScheduledResetInfo a = gw.middle().scheduledReset(DAY.plus(Duration.ofHours(23)));
            MiddleLoop.ScheduledResetInfo b = gw.middle().scheduledReset(DAY.plus(Duration.ofHours(23).plusMinutes(59)));

            assertThat(b).isSameAs(a); // a read on every GET /api/params: no date arithmetic per request
            assertThat(a.nextDue()).isEqualTo(DAY.plus(Duration.ofDays(1)));
            assertThat(a.lastRun()).isEqualTo(DAY);
            Instant late = DAY.plus(Duration.ofHours(24).plusSeconds(1)); // due, and the pass has not run it yet
            assertThat(gw.middle().scheduledReset(late).nextDue()).isEqualTo(late);
            assertThat(gw.middle().scheduledReset(late.plusSeconds(1)).nextDue()).isEqualTo(late.plusSeconds(1));
        }
    }

    private Gateway start() throws Exception {
        Files.createDirectories(data);
        Path file = data.resolve("gateway-test.yaml");
        Files.writeString(file, "baseline_reset:\n  schedule: daily\n  hour_utc: 0\nloops:\n  middle_seconds: 1\n",
                StandardCharsets.UTF_8);
        Map<String, String> env = Map.of("LEASH_GATEWAY_TOKEN", RunningGateway.TOKEN);
        GatewayConfig config = ConfigLoader.load(file, env, new ConfigLoader.Overrides(data, 0, 1.0));
        return Gateway.start(config, env, clock);
    }

    private static void accept(Gateway gw, String changes) throws Exception {
        WriteResult r = gw.propose(null, ParamsJson.MAPPER.readTree(changes), "claude (gateway-token)",
                "test setup", false);
        assertThat(r.accepted()).as(r.violations().toString()).isTrue();
    }

    private static JsonNode scheduledReset(Gateway gw) {
        try {
            return getJson(gw, "/api/params").get("scheduled_reset");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode getJson(Gateway gw, String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ParamsJson.MAPPER.readTree(r.body());
    }
}
