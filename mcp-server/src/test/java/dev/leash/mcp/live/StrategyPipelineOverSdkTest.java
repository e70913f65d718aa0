package dev.leash.mcp.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.journal.BookFill;
import dev.leash.journal.Journal;
import dev.leash.journal.ShadowRun;
import dev.leash.mcp.McpConfig;
import dev.leash.mcp.McpHttpServer;
import dev.leash.testsupport.Eventually;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's pipeline driven by the model through the MCP Java SDK client, on a gateway whose clock the test moves:
 * a proposal that fails the backtest gate never trades; one that passes is shadowed, promoted (the operator's
 * approval, through the gateway itself), then trades live with fills identical to a shadow of it on the same ticks.
 */
@Timeout(300)
class StrategyPipelineOverSdkTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final long BAR = 5 * 60_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String YAML = "strategies:\n  min_backtest_trades: 1\n  max_drawdown_margin_pct: 100\n"
            + "  shadow_hours: 1\n  min_shadow_trades: 1\n  backtest_days: 2\n";
    /** Never trades: a 200-bar channel, one UTC hour a day, and a volume ten times its average. */
    private static final String TOO_QUIET = "{\"entry\":{\"rule\":\"donchian_breakout\",\"lookback\":200},"
            + "\"filters\":[{\"filter\":\"time_of_day\",\"start_hour\":3,\"end_hour\":4},"
            + "{\"filter\":\"volume_ratio\",\"min\":10}],\"exits\":[{\"exit\":\"stop_loss\",\"pct\":1.5}]}";
    /** Trades often: a narrow Bollinger reversion. */
    private static final String BUSY = "{\"entry\":{\"rule\":\"bollinger_reversion\",\"period\":10,\"width\":1.0},"
            + "\"exits\":[{\"exit\":\"stop_loss\",\"pct\":1.5},{\"exit\":\"take_profit\",\"pct\":1.0}]}";

    @Test
    void aFailingProposalNeverTradesAndAPassingOneIsShadowedPromotedAndTradesLiveAsItsShadow(@TempDir Path dir)
            throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        try (LiveGateway gateway = LiveGateway.startManual(dir.resolve("gateway"), WALL, clock, YAML);
             McpHttpServer server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP,
                     dir.resolve("mcp")))) {
            McpSyncClient client = McpClient.sync(HttpClientStreamableHttpTransport
                            .builder("http://127.0.0.1:" + server.port()).endpoint("/mcp")
                            .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer "
                                    + server.token())).build())
                    .clientInfo(McpSchema.Implementation.builder("pipeline", "1.0").build())
                    .requestTimeout(Duration.ofSeconds(60)).build();
            try {
                client.initialize();
                gateway.advanceTo(clock, clock.now() + 12 * BAR);

                CallToolResult invalid = propose(client, "{\"entry\":{\"rule\":\"macd_trend\",\"fast\":12,\"slow\":26,"
                        + "\"signal\":9},\"exits\":[{\"exit\":\"take_profit\",\"pct\":2}]}", "no stop");
                assertThat(invalid.isError()).isTrue();
                assertThat(text(invalid)).contains("strategy.exits: a strategy needs a stop_loss exit");

                JsonNode quiet = ok(propose(client, TOO_QUIET, "a rare breakout"));
                assertThat(quiet.path("stage").asText()).as("%s", quiet).isEqualTo("rejected");
                assertThat(quiet.path("reasons").path(0).asText()).startsWith("trades too little to judge");

                JsonNode busy = ok(propose(client, BUSY, "mean reversion in a range"));
                assertThat(busy.path("stage").asText()).as("%s", busy).isEqualTo("shadowing");
                long id = busy.path("id").asLong();
                gateway.advanceTo(clock, clock.now() + 2 * BAR);
                assertThat(gateway.gateway().shadows().candidates()).containsOnlyKeys("candidate:" + id);

                // the operator approves with positions open: the live-params shadow takes over the live book's state
                assertThat(gateway.gateway().venue().positions()).isNotEmpty();
                var approved = gateway.gateway().strategies().approve(id, "operator");
                assertThat(approved.refused()).isNull();
                long version = approved.record().promotedVersion();
                long promotedAt = gateway.gateway().tradingTime();

                for (int bar = 0; bar < 288; bar++) { // a day, bar by bar with the shadows caught up (none dropped)
                    long next = clock.now() + BAR;
                    gateway.advanceTo(clock, next);
                    Eventually.await("the shadows step to " + Instant.ofEpochMilli(next), Duration.ofSeconds(60),
                            () -> gateway.gateway().shadows().scorecard().asOf(), t -> t >= next);
                }
                assertThat(gateway.gateway().shadows().scorecard().missedSteps()).isZero();
                Journal journal = gateway.gateway().journal();
                long now = gateway.gateway().tradingTime();
                ShadowRun twin = journal.shadowRuns(promotedAt, now).stream()
                        .filter(r -> r.name().equals("live-params v" + version)).findFirst().orElseThrow();
                List<String> live = sides(journal.liveBookFills(promotedAt, now));
                assertThat(live).as("the live book trades the promoted strategy").isNotEmpty();
                assertThat(live).isEqualTo(sides(journal.shadowFills(twin.id(), promotedAt, now)));
                assertThat(sides(journal.liveBookFills(0, now))).as("nothing else traded the rejected one")
                        .isNotEmpty();

                JsonNode lineage = ok(client.callTool(CallToolRequest.builder("get_strategy_lineage")
                        .arguments(Map.of()).build()));
                assertThat(lineage.path("live_params_version").asLong()).isEqualTo(version);
                assertThat(lineage.path("strategies")).extracting(s -> s.path("stage").asText())
                        .containsExactly("rejected", "promoted");
                JsonNode promoted = lineage.path("strategies").path(1);
                assertThat(promoted.path("parent").asText()).isEqualTo("default breakout");
                assertThat(promoted.path("proposed_by").asText()).isEqualTo("model");
                assertThat(promoted.path("promoted_params_version").asLong()).isEqualTo(version);
                assertThat(promoted.path("backtest").path("candidate").path("trades").asInt()).isPositive();
                assertThat(promoted.path("live").path("fills").asInt()).isPositive();
            } finally {
                client.closeGracefully();
            }
        }
    }

    private static CallToolResult propose(McpSyncClient client, String strategy, String rationale) throws Exception {
        return client.callTool(CallToolRequest.builder("propose_strategy")
                .arguments(Map.of("strategy", JSON.readValue(strategy, Map.class), "rationale", rationale)).build());
    }

    private static JsonNode ok(CallToolResult r) {
        assertThat(r.isError()).as("%s", r.content()).isFalse();
        return JSON.valueToTree(r.structuredContent());
    }

    private static String text(CallToolResult r) {
        return ((McpSchema.TextContent) r.content().get(0)).text();
    }

    private static List<String> sides(List<BookFill> fills) {
        return fills.stream().map(f -> f.time() + " " + f.symbol() + " " + f.signedQty() + " @ " + f.price())
                .toList();
    }
}
