package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import dev.leash.mcp.internal.EventsFollower;
import dev.leash.mcp.internal.GatewayReads;
import dev.leash.mcp.internal.SnapshotStats;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server's local snapshot against a real gateway whose trading time stands still (so no event arrives unless
 * the test causes one): repeated reads are answered from memory, a write made over REST shows within the bound, and
 * a dropped events stream sends every read to the gateway.
 */
@Timeout(60)
class LiveSnapshotTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");

    @TempDir
    Path dir;
    private LiveGateway gateway;
    private GatewayReads reads;
    private McpHttpServer server;
    private McpSyncClient client;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final SnapshotStats counting = new SnapshotStats() {
        @Override
        public void hit(long ageNanos) {
            hits.incrementAndGet();
        }

        @Override
        public void miss() {
            misses.incrementAndGet();
        }
    };

    @BeforeEach
    void startGateway() throws Exception {
        gateway = LiveGateway.startManual(dir.resolve("gateway"), WALL, new ManualTradingClock());
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
        if (reads != null) {
            reads.close();
        }
        gateway.close();
    }

    private GatewayReads reads(Duration maxAge) {
        reads = GatewayReads.start(gateway.mcpConfig(McpConfig.Transport.STDIO, dir.resolve("mcp"))
                .withSnapshotMaxAge(maxAge), counting);
        LiveGateway.await("the events stream is followed", Duration.ofSeconds(10), reads.events()::generation,
                g -> g != EventsFollower.DOWN);
        return reads;
    }

    private long version() throws Exception {
        return reads.snapshot().get("/api/params", Map.of()).body().path("params").path("version").asLong();
    }

    /** An accepted decrease of max_position_pct over REST with the operator's token; returns the new version. */
    private long decreaseOverRest() throws Exception {
        JsonNode before = gateway.get("/api/params").path("params");
        BigDecimal lower = before.path("max_position_pct").decimalValue().subtract(new BigDecimal("0.1"));
        String body = JSON.writeValueAsString(Map.of("changes", Map.of("max_position_pct", lower),
                "rationale", "the operator trims exposure"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(gateway.url() + "/api/params")).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + LiveGateway.OPERATOR_TOKEN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body()).path("version").asLong();
    }

    @Test
    void repeatedReadsAreAnsweredFromMemoryWhileTheStreamIsUp() throws Exception {
        reads(Duration.ofSeconds(30));
        long first = version();
        long misses0 = misses.get();

        for (int i = 0; i < 50; i++) {
            assertThat(version()).isEqualTo(first);
        }

        assertThat(hits.get()).isGreaterThanOrEqualTo(50);
        assertThat(misses.get()).isEqualTo(misses0);
    }

    @Test
    void aDroppedStreamSendsEveryReadToTheGateway() throws Exception {
        reads(Duration.ofSeconds(30));
        long before = version();
        gateway.gateway().events().close(); // ends every stream and refuses new ones
        LiveGateway.await("the follower notices the stream is gone", Duration.ofSeconds(10),
                reads.events()::generation, g -> g == EventsFollower.DOWN);

        long written = decreaseOverRest();

        assertThat(written).isGreaterThan(before);
        assertThat(version()).isEqualTo(written);
    }

    @Test
    void aWriteOverRestShowsInTheMcpReadWithinTheBound() throws Exception {
        Duration bound = Duration.ofMillis(500);
        server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP, dir.resolve("mcp"))
                .withSnapshotMaxAge(bound));
        client = client(server);
        long before = mcpVersion();
        assertThat(mcpVersion()).isEqualTo(before);

        long written = decreaseOverRest();
        long acknowledged = System.nanoTime();
        LiveGateway.await("get_params shows version " + written, Duration.ofSeconds(10), this::mcpVersion,
                v -> v == written);

        // Polled every 50 ms: the first read started after the bound must have shown it.
        assertThat(Duration.ofNanos(System.nanoTime() - acknowledged)).isLessThan(bound.plusMillis(400));
    }

    private long mcpVersion() {
        CallToolResult r = client.callTool(CallToolRequest.builder("get_params").arguments(Map.of()).build());
        assertThat(r.isError()).isFalse();
        return JSON.valueToTree(r.structuredContent()).path("params").path("version").asLong();
    }

    private static McpSyncClient client(McpHttpServer server) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
                .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp")
                .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + server.token()))
                .build();
        McpSyncClient c = McpClient.sync(transport)
                .clientInfo(McpSchema.Implementation.builder("Leash IT", "1.0").build())
                .requestTimeout(Duration.ofSeconds(10)).build();
        c.initialize();
        return c;
    }
}
