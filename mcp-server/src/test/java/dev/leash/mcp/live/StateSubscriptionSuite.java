package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.loop.ManualTradingClock;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.SubscribeRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An MCP client subscribed to {@code leash://state} through the SDK's client is told when the operator changes the
 * trading mode over REST (a new params version), and reads the new state; run over each transport.
 */
@Timeout(90)
abstract class StateSubscriptionSuite {

    static final String STATE = "leash://state";
    static final String CLIENT_NAME = "Leash IT";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;
    LiveGateway gateway;
    McpSyncClient client;
    final List<String> updates = new CopyOnWriteArrayList<>();

    /** Starts the MCP server (if in-process) and returns an initialized client that hands updates to the consumer. */
    abstract McpSyncClient connect(LiveGateway gateway, Path mcpDataDir, Consumer<List<ResourceContents>> updates)
            throws Exception;

    abstract void disconnect();

    @BeforeEach
    void start() throws Exception {
        gateway = LiveGateway.startManual(dir.resolve("gateway"), WALL, new ManualTradingClock());
        client = connect(gateway, dir.resolve("mcp"), contents -> contents.stream()
                .filter(c -> STATE.equals(c.uri()) && c instanceof TextResourceContents)
                .forEach(c -> updates.add(((TextResourceContents) c).text())));
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        disconnect();
        gateway.close();
    }

    @Test
    void aSubscriberIsToldWhenTheOperatorPausesTradingAndReadsTheNewState() throws Exception {
        assertThat(client.listResources().resources()).anyMatch(r -> STATE.equals(r.uri()));
        client.subscribeResource(new SubscribeRequest(STATE));
        long before = gateway.get("/api/state").path("params_version").asLong();

        long written = pauseOverRest();

        assertThat(written).isGreaterThan(before);
        LiveGateway.await("a leash://state update with params version " + written, Duration.ofSeconds(20),
                () -> List.copyOf(updates), u -> u.stream().anyMatch(t -> version(t) == written));
    }

    @Test
    void aClientThatDidNotSubscribeIsNotTold() throws Exception {
        long written = pauseOverRest();
        // The subscribed path delivers within a second; a read proves the server saw the change first.
        LiveGateway.await("the state shows version " + written, Duration.ofSeconds(20),
                () -> version(client.readResource(new io.modelcontextprotocol.spec.McpSchema.ReadResourceRequest(
                        STATE)).contents().get(0) instanceof TextResourceContents t ? t.text() : "{}"),
                v -> v == written);

        assertThat(updates).isEmpty();
    }

    private static long version(String stateJson) {
        try {
            return JSON.readTree(stateJson).path("params_version").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The operator sets trading mode paused over REST; returns the params version that carries it. */
    private long pauseOverRest() throws Exception {
        String body = JSON.writeValueAsString(Map.of("mode", "paused", "rationale", "the operator steps away"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.url() + "/api/trading-mode")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + LiveGateway.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(r.body());
        return answer.path("version").asLong();
    }
}
