package dev.leash.mcp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** WireMock standing in for the gateway on a loopback address and a free port, with one canned answer per GET. */
public final class TestGateway implements AutoCloseable {

    /** The gateway token the MCP server is configured with; no output may ever contain it. */
    public static final String TOKEN = "gw-secret-7f3a9c1e5b";

    public final WireMockServer wm;

    public TestGateway() {
        wm = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        for (String[] e : List.of(
                new String[] {"/api/state", "{\"equity\":100000.0,\"trading_state\":\"ACTIVE\",\"params_version\":3}"},
                new String[] {"/api/trades", "{\"count\":1,\"trades\":[{\"symbol\":\"BTCUSDT\",\"qty\":0.01}]}"},
                new String[] {"/api/positions", "{\"positions\":[]}"},
                new String[] {"/api/orders", "{\"orders\":[]}"},
                new String[] {"/api/funding", "{\"funding\":[{\"symbol\":\"BTCUSDT\",\"rate\":0.0001}]}"},
                new String[] {"/api/market", "{\"time\":\"2026-01-01T00:00:00Z\",\"market\":[]}"},
                new String[] {"/api/performance", "{\"window\":\"24h\",\"fills\":0}"},
                new String[] {"/api/decisions", "{\"decisions\":[]}"},
                new String[] {"/api/health", "{\"status\":\"ok\"}"},
                new String[] {"/api/params", "{\"params\":{\"version\":3,\"max_position_pct\":1.0},"
                        + "\"ceilings\":{\"max_position_pct\":{\"floor\":0.1,\"ceiling\":5.0}},"
                        + "\"may_change_now\":{\"increase_allowed_now\":true},\"reload_problems\":[]}"},
                new String[] {"/api/params/history", "{\"versions\":[{\"version\":3,\"author\":\"x\"}]}"},
                new String[] {"/api/scorecard", "{\"enabled\":true,\"summary\":\"No parameter change yet\"}"})) {
            wm.stubFor(get(urlPathEqualTo(e[0])).willReturn(json(200, e[1])));
        }
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body);
    }

    public String url() {
        return "http://127.0.0.1:" + wm.port();
    }

    /** An HTTP config on 127.0.0.1, port 0, against this gateway, with tight timeouts. */
    public McpConfig httpConfig(Path dataDir) {
        return config(McpConfig.Transport.HTTP, url(), dataDir);
    }

    public static McpConfig config(McpConfig.Transport transport, String gatewayUrl, Path dataDir) {
        return new McpConfig(transport, "127.0.0.1", 0, URI.create(gatewayUrl), TOKEN, null, dataDir, List.of(),
                Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        wm.stop();
    }
}
