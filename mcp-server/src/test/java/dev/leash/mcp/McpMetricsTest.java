package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.gateway.metrics.PrometheusText;
import dev.leash.mcp.live.LiveGateway;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The MCP server's own {@code /metrics}, parsed by the gateway tests' strict Prometheus text parser: on the HTTP
 * transport's port, and on {@code --metrics-port} for stdio, against a real gateway.
 */
@Timeout(60)
class McpMetricsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;
    private LiveGateway gateway;

    @BeforeEach
    void startGateway() throws Exception {
        gateway = LiveGateway.startManual(dir.resolve("gateway"), Instant.parse("2026-01-05T00:00:00Z"),
                new ManualTradingClock());
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    private static PrometheusText scrape(int port) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/metrics")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/plain"));
        return PrometheusText.parse(r.body());
    }

    private void awaitStream(int port) {
        LiveGateway.await("the events stream is followed", Duration.ofSeconds(10), () -> {
            try {
                return scrape(port).value("leash_mcp_events_stream_up");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, v -> v == 1.0);
    }

    @Test
    void theHttpPortServesCallsByToolAndStatusLatencySessionsSnapshotAndGatewayRoundTrips() throws Exception {
        try (McpHttpServer server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP,
                dir.resolve("mcp")))) {
            awaitStream(server.port());
            McpSyncClient client = McpClients.http(server, server.token());
            try {
                client.callTool(CallToolRequest.builder("get_positions").arguments(Map.of()).build());
                client.callTool(CallToolRequest.builder("get_positions").arguments(Map.of()).build());
                client.callTool(CallToolRequest.builder("update_params").arguments(Map.of("changes",
                        Map.of("max_position_pct", 99), "rationale", "beyond the ceiling")).build());

                PrometheusText m = scrape(server.port());

                assertThat(m.value("leash_mcp_tool_calls_total", Map.of("tool", "get_positions", "status", "ok")))
                        .isEqualTo(2.0);
                assertThat(m.value("leash_mcp_tool_calls_total", Map.of("tool", "update_params", "status", "error")))
                        .isEqualTo(1.0);
                assertThat(m.type("leash_mcp_tool_call_seconds")).isEqualTo("histogram");
                assertThat(m.value("leash_mcp_tool_call_seconds_count", Map.of("tool", "get_positions")))
                        .isEqualTo(2.0);
                assertThat(m.value("leash_mcp_sessions")).isEqualTo(1.0);
                assertThat(m.value("leash_mcp_snapshot_reads_total", Map.of("source", "memory"))).isEqualTo(1.0);
                assertThat(m.value("leash_mcp_snapshot_reads_total", Map.of("source", "gateway"))).isEqualTo(1.0);
                assertThat(m.value("leash_mcp_snapshot_age_seconds")).isBetween(0.0, 1.0);
                assertThat(m.value("leash_mcp_gateway_requests_total", Map.of("kind", "read"))).isEqualTo(1.0);
                assertThat(m.value("leash_mcp_gateway_requests_total", Map.of("kind", "write"))).isEqualTo(1.0);
            } finally {
                client.closeGracefully();
            }
        }
    }

    @Test
    void overAFleetEveryGatewaysStreamRoundTripsAndSnapshotShowUnderItsName() throws Exception {
        try (LiveGateway second = LiveGateway.startManual(dir.resolve("gateway2"), Instant.parse("2026-01-05T00:00:00Z"),
                new ManualTradingClock())) {
            McpConfig fleet = gateway.mcpConfig(McpConfig.Transport.HTTP, dir.resolve("mcp")).withFleet(List.of(
                    new NamedGateway("bybit", URI.create(gateway.url()), LiveGateway.TOKEN),
                    new NamedGateway("lmex", URI.create(second.url()), LiveGateway.TOKEN)));
            try (McpHttpServer server = McpHttpServer.start(fleet)) {
                LiveGateway.await("both events streams are followed", Duration.ofSeconds(10), () -> {
                    try {
                        return scrape(server.port()).sum("leash_mcp_events_stream_up");
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, v -> v == 2.0);
                McpSyncClient client = McpClients.http(server, server.token());
                try {
                    client.callTool(CallToolRequest.builder("get_positions").arguments(Map.of("gateway", "lmex"))
                            .build());
                    client.callTool(CallToolRequest.builder("get_positions").arguments(Map.of("gateway", "lmex"))
                            .build());
                    client.callTool(CallToolRequest.builder("update_params").arguments(Map.of("gateway", "bybit",
                            "changes", Map.of("max_position_pct", 99), "rationale", "beyond the ceiling")).build());

                    PrometheusText m = scrape(server.port());

                    for (String g : List.of("bybit", "lmex")) {
                        assertThat(m.value("leash_mcp_events_stream_up", Map.of("gateway", g))).as(g).isEqualTo(1.0);
                    }
                    assertThat(m.value("leash_mcp_gateway_requests_total", Map.of("gateway", "lmex", "kind", "read")))
                            .isEqualTo(1.0);
                    assertThat(m.value("leash_mcp_gateway_requests_total", Map.of("gateway", "lmex", "kind",
                            "write"))).isEqualTo(0.0);
                    assertThat(m.value("leash_mcp_gateway_requests_total", Map.of("gateway", "bybit", "kind",
                            "write"))).isEqualTo(1.0);
                    assertThat(m.value("leash_mcp_gateway_requests_total", Map.of("gateway", "bybit", "kind",
                            "read"))).isEqualTo(0.0);
                    assertThat(m.value("leash_mcp_snapshot_reads_total", Map.of("gateway", "lmex", "source",
                            "memory"))).isEqualTo(1.0);
                    assertThat(m.value("leash_mcp_snapshot_reads_total", Map.of("gateway", "lmex", "source",
                            "gateway"))).isEqualTo(1.0);
                    assertThat(m.value("leash_mcp_snapshot_reads_total", Map.of("gateway", "bybit", "source",
                            "memory"))).isEqualTo(0.0);
                    assertThat(m.value("leash_mcp_snapshot_age_seconds", Map.of("gateway", "lmex"))).isBetween(0.0,
                            1.0);
                    assertThat(m.samples("leash_mcp_snapshot_age_seconds")).as("no answer from bybit's snapshot yet")
                            .hasSize(1);
                    assertThat(m.samples("leash_mcp_events_stream_up")).extracting(s -> s.labels().get("gateway"))
                            .containsExactly("bybit", "lmex");
                } finally {
                    client.closeGracefully();
                }
            }
        }
    }

    @Test
    void aForeignHostIsRefusedAndNothingLeaks() throws Exception {
        try (McpHttpServer server = McpHttpServer.start(gateway.mcpConfig(McpConfig.Transport.HTTP,
                dir.resolve("mcp")))) {
            String answer;
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(5_000);
                OutputStream out = s.getOutputStream();
                out.write(("GET /metrics HTTP/1.1\r\nHost: rebound.example:" + server.port()
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }

            assertThat(answer).startsWith("HTTP/1.1 421").doesNotContain("leash_mcp", server.token());
        }
    }

    @Test
    void stdioServesMetricsOnItsMetricsPort() throws Exception {
        McpConfig config = gateway.mcpConfig(McpConfig.Transport.STDIO, dir.resolve("mcp")).withMetricsPort(0);
        try (StdioPipe stdio = StdioPipe.initialized(config)) {
            awaitStream(stdio.metricsPort());
            stdio.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"get_state\","
                    + "\"arguments\":{}}}");
            JsonNode answer = stdio.next(Duration.ofSeconds(10));
            assertThat(answer.path("result").path("isError").asBoolean()).isFalse();

            PrometheusText m = scrape(stdio.metricsPort());

            assertThat(m.value("leash_mcp_tool_calls_total", Map.of("tool", "get_state", "status", "ok")))
                    .isEqualTo(1.0);
            assertThat(m.value("leash_mcp_sessions")).isEqualTo(1.0);
        }
    }
}
