package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The model's veto on a running gateway, on a manual trading clock: entries are skipped with the veto in their
 * decision until it ends by trading time, and a restart keeps a veto that has not ended.
 */
@Timeout(180)
class SymbolVetoGatewayTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dataDir;

    @Test
    void aFlatVetoSkipsEveryEntryUntilItEndsByTradingTime() throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        try (RunningGateway gw = RunningGateway.startManual(dataDir, WALL, clock)) {
            long start = clock.now();
            for (String s : SYMBOLS) {
                veto(gw, s, "flat", "12h");
            }
            long until = start + 12 * HOUR;

            gw.advanceTo(clock, until - Candle.INTERVAL_MILLIS);

            assertThat(gw.gateway().venue().fills(0, Long.MAX_VALUE)).as("no entry while vetoed").isEmpty();
            List<JsonNode> vetoed = skips(gw);
            assertThat(vetoed).as("entries were wanted and vetoed").isNotEmpty();
            assertThat(vetoed).allSatisfy(d -> assertThat(d.path("reason").asText())
                    .contains("vetoed by the model until " + Instant.ofEpochMilli(until) + ": flat"));

            gw.advanceTo(clock, until + 24 * HOUR);

            assertThat(gw.get("/api/state").json().path("symbol_biases")).isEmpty();
            assertThat(gw.gateway().venue().fills(0, Long.MAX_VALUE)).as("entries after the veto ended")
                    .isNotEmpty().allSatisfy(f -> assertThat(f.time()).isGreaterThanOrEqualTo(until));
        }
    }

    @Test
    void aVetoThatHasNotEndedIsBackAfterARestart() throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        long until;
        try (RunningGateway gw = RunningGateway.startManual(dataDir, WALL, clock)) {
            until = clock.now() + 20 * HOUR;
            for (String s : SYMBOLS) {
                veto(gw, s, "flat", "20h");
            }
            gw.advanceTo(clock, clock.now() + 2 * HOUR);
        }
        try (RunningGateway again = RunningGateway.startManual(dataDir, WALL, clock)) {
            JsonNode biases = again.get("/api/state").json().path("symbol_biases");
            assertThat(biases).hasSize(3);
            assertThat(biases).allSatisfy(b -> {
                assertThat(b.path("bias").asText()).isEqualTo("flat");
                assertThat(b.path("until").asText()).isEqualTo(Instant.ofEpochMilli(until).toString());
            });

            again.advanceTo(clock, until - Candle.INTERVAL_MILLIS);

            assertThat(again.gateway().venue().fills(0, Long.MAX_VALUE)).as("no entry while vetoed").isEmpty();
            assertThat(skips(again)).isNotEmpty();
        }
    }

    private static void veto(RunningGateway gw, String symbol, String bias, String until) {
        Response r = gw.modelWrite("POST", "/api/symbol-bias", "{\"symbol\": \"" + symbol + "\", \"bias\": \""
                + bias + "\", \"until\": \"" + until + "\", \"rationale\": \"event risk\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    /** The SKIP decisions coded as the model's veto, newest first. */
    private static List<JsonNode> skips(RunningGateway gw) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode d : gw.get("/api/decisions?limit=500").json().path("decisions")) {
            if ("MODEL_VETO".equals(d.path("reason_code").asText())) {
                out.add(d);
            }
        }
        return out;
    }
}
