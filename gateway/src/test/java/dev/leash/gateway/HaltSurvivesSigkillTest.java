package dev.leash.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.engine.StateCause;
import dev.leash.journal.JournalEvent;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway process, loss-halted, is killed with SIGKILL and started again: still HALTED, no entry sent. An
 * operator's resume, once answered, survives the next SIGKILL. The simulated venue runs in real time so the trading
 * day does not end during the test (skipped within 10 minutes of UTC midnight); the halt is the one a previous run
 * saved (a real loss cannot be forced in a child process).
 */
class HaltSurvivesSigkillTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "halt-kill-test-token-0123456789";
    private static final long DAY_MILLIS = 86_400_000L;

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    @Timeout(180)
    void staysHaltedAfterSigkillAndAnAcknowledgedResumeSurvivesTheNextOne() throws Exception {
        long now = System.currentTimeMillis();
        long day = Math.floorDiv(now, DAY_MILLIS);
        Assumptions.assumeTrue((day + 1) * DAY_MILLIS - now > 10 * 60_000L,
                "within 10 minutes of UTC midnight the halt would end during the test");
        try (Journal journal = Journal.open(Journal.sqliteUrl(data))) {
            StateCause halt = new StateCause(StateCause.DAILY_LOSS, TradingState.HALTED, "engine",
                    "daily loss limit of 3.0% reached", now, (day + 1) * DAY_MILLIS);
            journal.putState("trading_status", JSON.writeValueAsString(JSON.createObjectNode()
                    .put("state", "HALTED").put("day", day).put("start_of_day_equity", 100_000.0)
                    .put("changed_at", now).put("changed_by", "engine").put("change_reason", halt.reason())
                    .set("causes", JSON.createArrayNode().add(JSON.createObjectNode().put("cause", halt.cause())
                            .put("state", "HALTED").put("by", "engine").put("reason", halt.reason())
                            .put("since", now).put("until", halt.until())))));
        }

        GatewayProcess first = GatewayProcess.start(data, 1, TOKEN);
        assertThat(state(first)).isEqualTo("HALTED");
        first.kill();

        GatewayProcess second = GatewayProcess.start(data, 1, TOKEN);
        assertThat(state(second)).isEqualTo("HALTED");
        HttpResponse<String> resume = http.send(HttpRequest.newBuilder(URI.create(second.url() + "/api/trading-mode"))
                .header("Authorization", "Bearer " + TOKEN).header("X-Leash-Client", "operator-test")
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(15))
                .POST(HttpRequest.BodyPublishers.ofString("{\"mode\": \"active\", \"rationale\": \"reviewed\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(resume.statusCode()).as(resume.body()).isEqualTo(200);
        assertThat(JSON.readTree(resume.body()).get("loss_halt_lifted").asBoolean()).isTrue();
        second.kill(); // at once after the acknowledgement

        GatewayProcess third = GatewayProcess.start(data, 1, TOKEN);
        assertThat(state(third)).isEqualTo("ACTIVE");
        third.kill();

        try (Journal journal = Journal.open(Journal.sqliteUrl(data))) {
            long resumedAt = journal.events(JournalEvent.STATE, 100).stream()
                    .filter(e -> e.message().startsWith("HALTED -> ACTIVE: operator operator-test")).findFirst()
                    .orElseThrow().time();
            List<OrderRecord> orders = journal.orders(null, false, 10_000);
            assertThat(orders).as("orders while halted").filteredOn(o -> o.createdAt() < resumedAt)
                    .allMatch(OrderRecord::reduceOnly);
        }
    }

    private String state(GatewayProcess c) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(c.url() + "/api/state"))
                .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(r.body());
        return body.get("trading_state").asText();
    }
}
