package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.venue.Fill;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;
import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * The MCP read tools on a gateway whose trading clock the test moves: after a known number of bars they answer with
 * the simulated venue's own positions, fills, P&L and the last bar's decisions, the same values REST gives.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(120)
class ValuesOverMcpOnAManualClockTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final long BAR = 5 * 60_000L;
    private static final int BARS = 288;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LiveGateway gateway;
    private McpHttpServer server;
    private McpSyncClient client;
    private Venue venue;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        gateway = LiveGateway.startManual(dir.resolve("gateway"), WALL, clock);
        gateway.advanceTo(clock, clock.now() + BARS * BAR);
        venue = gateway.gateway().venue();
        server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP, dir.resolve("mcp")));
        client = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:" + server.port())
                        .endpoint("/mcp")
                        .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer " + server.token()))
                        .build())
                .clientInfo(McpSchema.Implementation.builder("manual clock", "1.0").build())
                .requestTimeout(Duration.ofSeconds(10)).build();
        client.initialize();
    }

    @AfterAll
    void stop() {
        if (client != null) {
            client.closeGracefully();
        }
        if (server != null) {
            server.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    private JsonNode call(String tool, Map<String, Object> args) {
        CallToolResult r = client.callTool(CallToolRequest.builder(tool).arguments(args).build());
        assertThat(r.isError()).as("%s: %s", tool, r.content()).isFalse();
        return JSON.valueToTree(r.structuredContent());
    }

    private static void assertRounded(JsonNode actual, double expected) {
        assertThat(actual.asDouble()).isCloseTo(expected, offset(Math.max(1e-9, Math.abs(expected) * 1e-7)));
    }

    @Test
    void getPositionsAnswersTheVenuesPositionsAsRestDoes() throws Exception {
        List<Position> positions = venue.positions();

        JsonNode answer = call("get_positions", Map.of());

        assertThat(answer).isEqualTo(gateway.get("/api/positions"));
        JsonNode open = answer.path("positions");
        assertThat(open).hasSize(positions.size());
        for (int i = 0; i < positions.size(); i++) {
            Position p = positions.get(i);
            assertThat(open.get(i).path("symbol").asText()).isEqualTo(p.symbol());
            assertThat(open.get(i).path("side").asText()).isEqualTo(p.qty() > 0 ? "long" : "short");
            assertRounded(open.get(i).path("qty"), Math.abs(p.qty()));
            assertRounded(open.get(i).path("entry_price"), p.entryPrice());
            assertRounded(open.get(i).path("unrealized_pnl"), p.unrealizedPnl());
        }
    }

    @Test
    void getPerformanceAndGetTradesAddUpToTheVenuesFills() throws Exception {
        List<Fill> fills = venue.fills(0, Long.MAX_VALUE);
        double pnl = fills.stream().mapToDouble(Fill::realizedPnl).sum();
        double fees = fills.stream().mapToDouble(Fill::fee).sum();

        JsonNode perf = call("get_performance", Map.of("window", "all"));
        JsonNode trades = call("get_trades", Map.of("limit", 500));

        assertThat(fills).as("a day of breakouts trades").hasSizeGreaterThan(2);
        assertThat(perf).isEqualTo(gateway.get("/api/performance?window=all"));
        assertThat(perf.path("fills").asInt()).isEqualTo(fills.size());
        assertRounded(perf.path("realized_pnl"), pnl);
        assertRounded(perf.path("fees"), -fees);
        assertRounded(perf.path("net_pnl"), pnl - fees);
        assertThat(trades.path("count").asInt()).isEqualTo(fills.size());
        List<String> ids = new ArrayList<>();
        trades.path("trades").forEach(t -> ids.add(t.path("fill_id").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(fills.stream().map(Fill::fillId).toList());
    }

    @Test
    void getDecisionsAnswersTheLastBarsDecisionNamingEachPosition() throws Exception {
        long end = gateway.gateway().tradingTime();
        Map<String, Position> bySymbol = new HashMap<>();
        venue.positions().forEach(p -> bySymbol.put(p.symbol(), p));

        JsonNode decisions = call("get_decisions", Map.of("limit", 3)).path("decisions");

        assertThat(decisions.findValuesAsText("symbol")).containsExactlyInAnyOrderElementsOf(venue.symbols());
        for (JsonNode d : decisions) {
            assertThat(Instant.parse(d.path("time").asText()).toEpochMilli()).isEqualTo(end);
            Position p = bySymbol.get(d.path("symbol").asText());
            if (p != null && d.path("action").asText().equals("HOLD")) {
                assertThat(d.path("reason").asText()).startsWith((p.qty() > 0 ? "long " : "short ")
                        + Math.abs(p.qty()) + " from " + p.entryPrice() + ";");
            }
        }
    }
}
