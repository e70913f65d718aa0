package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.engine.StateCause;
import dev.leash.engine.TradingStatusView;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
import dev.leash.journal.OrderRecord;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway that stopped while loss-halted starts again halted on the same UTC day, sends no entry, and trades again
 * only after an operator's resume, which is journaled with its author and survives the next restart. The wall clock
 * stands at noon UTC, so the trading day does not end during the test.
 */
@Timeout(60)
class RestartKeepsTradingStatusTest {

    private static final long DAY_MILLIS = 86_400_000L;

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T12:00:00Z"));

    @Test
    void staysHaltedAfterRestartUntilAnOperatorResumes() throws Exception {
        stopWhileLossHalted();

        try (RunningGateway again = RunningGateway.start(data, "", 1, clock)) {
            long restartedAt = again.gateway().tradingTime();
            assertThat(again.gateway().inner().tradingStatus().state()).isEqualTo(TradingState.HALTED);
            JsonNode state = again.get("/api/state").json();
            assertThat(state.get("trading_state").asText()).isEqualTo("HALTED");
            assertThat(state.at("/trading_status/causes/0/cause").asText()).isEqualTo(StateCause.DAILY_LOSS);
            assertThat(state.at("/trading_status/causes/0/reason").asText())
                    .isEqualTo("daily loss limit of 3.0% reached");
            assertThat(state.at("/risk/start_of_day_equity").asDouble()).isEqualTo(100_000);

            long resumedAt = again.gateway().tradingTime();
            RunningGateway.Response resume = again.write("POST", "/api/trading-mode",
                    "{\"mode\": \"active\", \"rationale\": \"losses reviewed; resume\"}");

            assertThat(resume.status()).as(resume.toString()).isEqualTo(200);
            assertThat(resume.json().get("loss_halt_lifted").asBoolean()).isTrue();
            assertThat(again.gateway().inner().tradingStatus().state()).isEqualTo(TradingState.ACTIVE);
            assertThat(again.gateway().inner().tradingStatus().changedBy())
                    .isEqualTo(RunningGateway.CLIENT + " (gateway-token)");
            assertThat(again.gateway().journal().events(JournalEvent.STATE, 10)).extracting(JournalEvent::message)
                    .contains("HALTED -> ACTIVE: operator " + RunningGateway.CLIENT
                            + " (gateway-token) resumed trading: losses reviewed; resume");
            List<OrderRecord> whileHalted = again.gateway().journal().orders(null, false, 1000).stream()
                    .filter(o -> o.createdAt() >= restartedAt && o.createdAt() <= resumedAt).toList();
            assertThat(whileHalted).as("orders while halted").allMatch(OrderRecord::reduceOnly);
        }

        try (RunningGateway third = RunningGateway.start(data, "", 1, clock)) {
            assertThat(third.gateway().inner().tradingStatus().state()).isEqualTo(TradingState.ACTIVE);
        }
    }

    @Test
    void theModelsTokenCannotLiftALossHalt() throws Exception {
        stopWhileLossHalted();
        try (RunningGateway again = RunningGateway.start(data, "", 1, clock)) {
            RunningGateway.Response resume = again.modelWrite("POST", "/api/trading-mode",
                    "{\"mode\": \"active\", \"rationale\": \"the model thinks the losses are over\"}");

            assertThat(resume.json().path("loss_halt_lifted").asBoolean(false)).as(resume.toString()).isFalse();
            assertThat(again.gateway().inner().tradingStatus().state()).isEqualTo(TradingState.HALTED);
            assertThat(again.get("/api/state").json().get("trading_state").asText()).isEqualTo("HALTED");
        }
    }

    @Test
    void aResumeWithoutRationaleIsRefusedAndTradingStaysHalted() throws Exception {
        stopWhileLossHalted();
        try (RunningGateway again = RunningGateway.start(data, "", 1, clock)) {
            RunningGateway.Response resume = again.write("POST", "/api/trading-mode", "{\"mode\": \"active\"}");

            assertThat(resume.status()).as(resume.toString()).isEqualTo(400);
            assertThat(resume.json().get("detail").asText())
                    .isEqualTo("rationale: required to resume trading after a daily loss halt");
            assertThat(again.gateway().inner().tradingStatus().state()).isEqualTo(TradingState.HALTED);
        }
    }

    @Test
    void anActiveModeWithoutAHaltLiftsNothing() throws Exception {
        try (RunningGateway gw = RunningGateway.start(data, "", 1, clock)) {
            assertThat(gw.write("POST", "/api/trading-mode", "{\"mode\": \"paused\", \"rationale\": \"pause\"}")
                    .status()).isEqualTo(200);

            RunningGateway.Response active = gw.write("POST", "/api/trading-mode",
                    "{\"mode\": \"active\", \"rationale\": \"unpause\"}");

            assertThat(active.status()).as(active.toString()).isEqualTo(200);
            assertThat(active.json().has("loss_halt_lifted")).isFalse();
            assertThat(gw.gateway().inner().tradingStatus().state()).isEqualTo(TradingState.ACTIVE);
        }
    }

    /** A first run stops; the journal then holds what a run that hit the daily loss limit persisted before it died. */
    private void stopWhileLossHalted() throws Exception {
        long stoppedAt;
        try (RunningGateway first = RunningGateway.start(data, "", 1, clock)) {
            stoppedAt = first.gateway().tradingTime();
        }
        long day = Math.floorDiv(stoppedAt, DAY_MILLIS);
        try (Journal journal = Journal.open(Journal.sqliteUrl(data))) {
            StateCause halt = new StateCause(StateCause.DAILY_LOSS, TradingState.HALTED, "engine",
                    "daily loss limit of 3.0% reached", stoppedAt, (day + 1) * DAY_MILLIS);
            TradingStatusStore.save(journal, new TradingStatusView(TradingState.HALTED, day, 100_000, List.of(halt),
                    stoppedAt, "engine", halt.reason()));
        }
    }
}
