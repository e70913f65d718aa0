package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.common.JsonLogs;
import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.StateChange;
import dev.leash.journal.Journal;
import dev.leash.risk.TradingState;
import dev.leash.venue.Order;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One log line per order, parameter change, state change and exit, read back as JSON lines. */
@Timeout(30)
class ActivityLogLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CID = "lsh-activity-7";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;
    private Journal journal;

    @BeforeEach
    void capture() {
        journal = Journal.open(Journal.sqliteUrl(dir));
        original = System.err;
        System.setErr(JsonLogs.wrap(captured, Clock.systemUTC()));
    }

    @AfterEach
    void restore() {
        System.setErr(original);
        journal.close();
    }

    /** The recorder's lines, each parsed as one JSON object. */
    private List<JsonNode> lines() throws IOException {
        System.err.flush();
        List<JsonNode> out = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            JsonNode o = JSON.readTree(line);
            if (o.path("logger").asText().equals(JournalRecorder.class.getName())) {
                out.add(o);
            }
        }
        return out;
    }

    @Test
    void anOrderAParamChangeAStateChangeAndAStopExitAreOneLineEach() throws IOException {
        JournalRecorder recorder = new JournalRecorder(journal);
        OrderIntent intent = new OrderIntent(1_000, CID, "BTCUSDT", -0.25, 60_000, true, Action.STOP_LOSS, 3);

        recorder.onDecision(new Decision(1_000, "BTCUSDT", Action.STOP_LOSS, "price 58800 hit the stop 2.0% from"
                + " entry 60000", null, 3));
        recorder.onDecision(new Decision(1_000, "ETHUSDT", Action.HOLD, "flat; channel [1, 2]", null, 3));
        recorder.orderSending(intent);
        recorder.orderPlaced(intent, new PlaceResult(new Order(CID, "v1", "BTCUSDT", Side.SELL, OrderType.MARKET,
                0.25, 58_800, 0.25, OrderStatus.FILLED, true, 1_000), List.of(), false, null));
        recorder.paramsActive(4, 2_000, 2_000);
        recorder.paramsActive(4, 2_500, 2_500); // the same version again: no second line
        recorder.onStateChange(new StateChange(3_000, TradingState.ACTIVE, TradingState.HALTED, "operator halt"));

        List<JsonNode> got = lines();
        assertThat(got).extracting(o -> o.get("message").asText()).containsExactly(
                "exit BTCUSDT STOP_LOSS: price 58800 hit the stop 2.0% from entry 60000 (params version 3)",
                "order " + CID + " BTCUSDT SELL 0.25 reduce-only FILLED (STOP_LOSS, params version 3)",
                "params version 4 in force",
                "trading state ACTIVE -> HALTED: operator halt");
        assertThat(got).extracting(o -> o.get("level").asText()).containsExactly("INFO", "INFO", "INFO", "WARN");
        assertThat(got).allSatisfy(o -> assertThat(o.get("time").asText()).matches(
                "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z"));
    }

    @Test
    void anOrderThatNeverReachedTheVenueIsOneWarningWithoutTheErrorText() throws IOException {
        JournalRecorder recorder = new JournalRecorder(journal);
        OrderIntent intent = new OrderIntent(1_000, CID, "ETHUSDT", 1.5, 3_000, false, Action.ENTER_LONG, 2);

        recorder.orderFailed(intent, "connect to https://api.example/v5/order?apiKey=hunter2 failed");

        assertThat(lines()).singleElement().satisfies(o -> {
            assertThat(o.get("level").asText()).isEqualTo("WARN");
            assertThat(o.get("message").asText()).contains(CID, "ETHUSDT", "BUY 1.5").doesNotContain("hunter2");
        });
    }
}
