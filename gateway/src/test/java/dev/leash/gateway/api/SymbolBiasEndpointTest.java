package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.journal.JournalEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/symbol-bias} and {@code DELETE /api/symbol-bias/{symbol}}: the model may veto a side of a symbol for
 * at most 24 h; only the operator may lift a veto early; bad input changes nothing.
 */
@Timeout(60)
class SymbolBiasEndpointTest {

    private static final String FLAT = "{\"symbol\": \"BTCUSDT\", \"bias\": \"flat\", \"until\": \"20h\","
            + " \"rationale\": \"CPI print at 14:30; no new exposure\"}";

    @TempDir
    Path dataDir;

    @Test
    void theModelsVetoIsAcknowledgedShownInStateAndJournaled() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            Response r = gw.modelWrite("POST", "/api/symbol-bias", FLAT);

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("accepted").asBoolean()).isTrue();
            assertThat(r.json().path("by").asText()).isEqualTo("api-tests (model-token)");
            Instant until = Instant.parse(r.json().path("until").asText());
            Instant since = Instant.parse(r.json().path("since").asText());
            assertThat(Duration.between(since, until)).isEqualTo(Duration.ofHours(20));
            JsonNode biases = gw.get("/api/state").json().path("symbol_biases");
            assertThat(biases).hasSize(1);
            assertThat(biases.get(0).path("symbol").asText()).isEqualTo("BTCUSDT");
            assertThat(biases.get(0).path("bias").asText()).isEqualTo("flat");
            assertThat(biases.get(0).path("until").asText()).isEqualTo(until.toString());
            assertThat(biases.get(0).path("rationale").asText()).isEqualTo("CPI print at 14:30; no new exposure");
            List<JournalEvent> events = gw.gateway().journal().events("symbol_bias", 10);
            assertThat(events).singleElement().extracting(JournalEvent::message).asString()
                    .isEqualTo("api-tests (model-token) set BTCUSDT flat until " + until
                            + ": CPI print at 14:30; no new exposure");
        }
    }

    @Test
    void badInputIsASpecific400AndChangesNothing() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            assertThat(refused(gw, "{\"symbol\": \"DOGEUSDT\", \"bias\": \"flat\", \"until\": \"4h\","
                    + " \"rationale\": \"r\"}")).startsWith("symbol: unknown symbol 'DOGEUSDT'; one of [");
            assertThat(refused(gw, "{\"symbol\": \"BTCUSDT\", \"bias\": \"short\", \"until\": \"4h\","
                    + " \"rationale\": \"r\"}")).isEqualTo("bias: required, one of long_only, short_only, flat");
            assertThat(refused(gw, "{\"symbol\": \"BTCUSDT\", \"bias\": \"flat\", \"until\":"
                    + " \"2020-01-01T00:00:00Z\", \"rationale\": \"r\"}"))
                    .startsWith("until: 2020-01-01T00:00:00Z is not after the gateway's time now, ");
            assertThat(refused(gw, "{\"symbol\": \"BTCUSDT\", \"bias\": \"flat\", \"until\": \"25h\","
                    + " \"rationale\": \"r\"}")).contains("is more than 24 h after the gateway's time now");
            assertThat(refused(gw, "{\"symbol\": \"BTCUSDT\", \"bias\": \"flat\", \"until\": \"tomorrow\","
                    + " \"rationale\": \"r\"}")).startsWith("until: 'tomorrow' is not an ISO-8601 UTC time");
            assertThat(refused(gw, "{\"symbol\": \"BTCUSDT\", \"bias\": \"flat\", \"until\": \"4h\"}"))
                    .isEqualTo("rationale: required, why this side is vetoed");
            assertThat(refused(gw, "{\"symbol\": \"BTCUSDT\", \"bias\": \"flat\", \"until\": \"4h\","
                    + " \"rationale\": \"r\", \"size\": 2}")).startsWith("unknown field 'size'");

            assertThat(gw.get("/api/state").json().path("symbol_biases")).isEmpty();
            assertThat(gw.gateway().journal().events("symbol_bias", 10)).isEmpty();
        }
    }

    @Test
    void anIsoUntilWithin24HoursIsTakenAsIs() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            Instant now = Instant.parse(gw.get("/api/state").json().path("time").asText());
            Instant until = now.plus(Duration.ofHours(23));

            Response r = gw.modelWrite("POST", "/api/symbol-bias", "{\"symbol\": \"ETHUSDT\", \"bias\":"
                    + " \"long_only\", \"until\": \"" + until + "\", \"rationale\": \"funding deeply negative\"}");

            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            assertThat(r.json().path("until").asText()).isEqualTo(until.toString());
        }
    }

    @Test
    void onlyTheOperatorMayClearAVetoAndTheModelMayOnlyTightenIt() throws Exception {
        try (RunningGateway gw = RunningGateway.start(dataDir)) {
            assertThat(gw.modelWrite("POST", "/api/symbol-bias", FLAT).status()).isEqualTo(200);

            Response loosen = gw.modelWrite("POST", "/api/symbol-bias", "{\"symbol\": \"BTCUSDT\", \"bias\":"
                    + " \"long_only\", \"until\": \"22h\", \"rationale\": \"shorts only now\"}");
            Response shorter = gw.modelWrite("POST", "/api/symbol-bias", "{\"symbol\": \"BTCUSDT\", \"bias\":"
                    + " \"flat\", \"until\": \"1h\", \"rationale\": \"sooner\"}");
            Response modelClear = gw.modelWrite("DELETE", "/api/symbol-bias/BTCUSDT", "{\"rationale\": \"done\"}");

            assertThat(loosen.status()).as(loosen.toString()).isEqualTo(403);
            assertThat(loosen.json().path("detail").asText()).startsWith("BTCUSDT is vetoed flat until ")
                    .endsWith("only the operator's token may loosen or clear it");
            assertThat(shorter.status()).isEqualTo(403);
            assertThat(modelClear.status()).isEqualTo(403);
            assertThat(modelClear.json().path("detail").asText())
                    .startsWith("clearing a veto adds risk back: only the operator's token may");
            assertThat(gw.get("/api/state").json().path("symbol_biases").get(0).path("bias").asText())
                    .isEqualTo("flat");

            Response clear = gw.write("DELETE", "/api/symbol-bias/BTCUSDT", "{\"rationale\": \"print is out\"}");
            Response again = gw.write("DELETE", "/api/symbol-bias/BTCUSDT", "{\"rationale\": \"print is out\"}");

            assertThat(clear.status()).as(clear.toString()).isEqualTo(200);
            assertThat(clear.json().path("was").path("bias").asText()).isEqualTo("flat");
            assertThat(again.status()).isEqualTo(404);
            assertThat(gw.get("/api/state").json().path("symbol_biases")).isEmpty();
            assertThat(gw.gateway().journal().events("symbol_bias", 10)).extracting(JournalEvent::message)
                    .first().asString().isEqualTo("api-tests (gateway-token) cleared BTCUSDT flat: print is out");
        }
    }

    /** The model's write of {@code body}: a 400 problem, whose detail is returned. */
    private static String refused(RunningGateway gw, String body) {
        Response r = gw.modelWrite("POST", "/api/symbol-bias", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        return r.json().path("detail").asText();
    }
}
