package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import dev.leash.mcp.NamedGateway;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.ResourceContents;
import io.modelcontextprotocol.spec.McpSchema.SubscribeRequest;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
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

import static org.assertj.core.api.Assertions.assertThat;

/** Over a fleet, a client subscribed to {@code leash://beta/state} is told when beta's trading mode changes. */
@Timeout(120)
class FleetStateSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aSubscriberToOneGatewaysStateIsToldOfItsChangeWithItsOwnUri() throws Exception {
        try (LiveGateway alpha = LiveGateway.startManual(dir.resolve("alpha"), WALL, new ManualTradingClock());
             LiveGateway beta = LiveGateway.startManual(dir.resolve("beta"), WALL, new ManualTradingClock())) {
            McpConfig config = alpha.mcpConfig(McpConfig.Transport.HTTP, dir.resolve("mcp")).withFleet(List.of(
                    new NamedGateway("alpha", URI.create(alpha.url()), LiveGateway.TOKEN),
                    new NamedGateway("beta", URI.create(beta.url()), LiveGateway.TOKEN)));
            List<ResourceContents> updates = new CopyOnWriteArrayList<>();
            try (McpHttpServer server = McpHttpServer.start(config)) {
                McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                                .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp")
                                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer "
                                        + server.token())).build())
                        .clientInfo(McpSchema.Implementation.builder("Fleet IT", "1.0").build())
                        .requestTimeout(Duration.ofSeconds(10))
                        .resourcesUpdateConsumer(updates::addAll)
                        .build();
                try {
                    client.initialize();
                    client.subscribeResource(SubscribeRequest.builder("leash://beta/state").build());

                    long written = pause(beta);

                    LiveGateway.await("a leash://beta/state update with params version " + written,
                            Duration.ofSeconds(30), () -> List.copyOf(updates), u -> u.stream().anyMatch(c ->
                                    "leash://beta/state".equals(c.uri()) && version(c) == written));
                    assertThat(alpha.get("/api/state").path("params_version").asLong()).isLessThan(written);
                } finally {
                    client.closeGracefully();
                }
            }
        }
    }

    private static long version(ResourceContents c) {
        try {
            return c instanceof TextResourceContents t ? JSON.readTree(t.text()).path("params_version").asLong(-1)
                    : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** The operator pauses {@code g} over REST; returns the params version that carries it. */
    private static long pause(LiveGateway g) throws Exception {
        String body = JSON.writeValueAsString(Map.of("mode", "paused", "rationale", "the operator steps away"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(g.url() + "/api/trading-mode")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + LiveGateway.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("version").asLong();
    }
}
