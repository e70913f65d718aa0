package dev.leash.mcp.internal;

import dev.leash.mcp.TestGateway;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.leash.mcp.McpConfig.Transport.STDIO;
import static org.assertj.core.api.Assertions.assertThat;

class ReadToolsTest {

    @TempDir
    Path dir;

    @Test
    void theProfitAndLossToolsSayWhichRuleTheyCountBy() {
        GatewayClient unused = GatewayClient.create(TestGateway.config(STDIO, "http://127.0.0.1:9", dir));
        Map<String, String> descriptions = new ReadTools(unused, Snapshot.none(unused)).all().stream()
                .collect(Collectors.toMap(t -> t.tool().name(), (SyncToolSpecification t) -> t.tool().description()));

        assertThat(descriptions.get("get_param_history")).contains("trades it opened").contains("pnl_attribution");
        assertThat(descriptions.get("get_performance")).contains("effect on equity").contains("fees negative");
    }
}
