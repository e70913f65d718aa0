package dev.leash.examples;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code examples/outer-loop/outer-loop.sh} with a fake {@code claude} (test resources) against a real gateway and
 * MCP server: the right prompt and only Leash's tools go to the model, the final paragraph lands in the log with a
 * timestamp; an unavailable model or gateway means a non-zero exit and untouched params and journal.
 */
@Timeout(120)
class OuterLoopScriptTest {

    private static final Path SCRIPTS = LeashProcesses.ROOT.resolve("examples/outer-loop");

    @TempDir
    static Path shared;
    private static LeashProcesses.Running gateway;
    private static LeashProcesses.Running mcp;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        gateway = LeashProcesses.gateway(shared, 60);
        mcp = LeashProcesses.mcpServer(shared, gateway);
        LeashProcesses.awaitHttp(gateway, gateway.baseUrl() + "/api/health", Duration.ofSeconds(60));
        LeashProcesses.awaitHttp(mcp, mcp.baseUrl() + "/mcp", Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (mcp != null) {
            mcp.terminate(Duration.ofSeconds(20));
        }
        if (gateway != null) {
            gateway.terminate(Duration.ofSeconds(30));
        }
    }

    @Test
    void passesThePromptAndOnlyLeashToolsAndLogsTheFinalParagraph() throws Exception {
        Result r = run("outer-loop.sh", fakeClaude("claude"), gateway.baseUrl());

        assertThat(r.exit()).as(r.stderr()).isZero();
        List<String> args = recordedArgs();
        String prompt = Files.readString(SCRIPTS.resolve("prompts/outer_loop_review.md")).strip();
        assertThat(args.get(0)).isEqualTo("-p");
        assertThat(args.get(1)).isEqualTo(prompt);
        assertThat(flag(args, "--mcp-config")).isEqualTo(SCRIPTS.resolve("mcp.json").toString());
        assertThat(flag(args, "--model")).isEqualTo("haiku");
        assertThat(flag(args, "--output-format")).isEqualTo("text");
        List<String> tools = Arrays.asList(flag(args, "--allowedTools").split(","));
        assertThat(tools).hasSize(18).allMatch(t -> t.startsWith("mcp__leash__"))
                .contains("mcp__leash__get_state", "mcp__leash__get_params", "mcp__leash__update_params",
                        "mcp__leash__get_scorecard");
        assertThat(Files.readString(dir.resolve("rec.stdin"))).isEmpty();
        assertThat(Files.readString(dir.resolve("rec.env")).strip()).as("token exported to claude").isEqualTo("1");

        assertThat(r.stdout()).contains("I called get_state");
        assertThat(r.stdout() + r.stderr()).doesNotContain(LeashProcesses.MCP_TOKEN, LeashProcesses.MODEL_TOKEN,
                LeashProcesses.GATEWAY_TOKEN);
        List<String> log = Files.readAllLines(dir.resolve("outer-loop.log"));
        assertThat(log).hasSize(1);
        assertThat(log.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ outer_loop_review \\(haiku\\): "
                + "Equity 100012\\.40 USDT, 24 h P&L \\+12\\.40, three trades, volatility flat: no change; "
                + "params stay at version 1\\.");
    }

    @Test
    void weeklyReviewUsesTheStrongestModelAndNoUpdateParams() throws Exception {
        Result r = run("weekly-review.sh", fakeClaude("claude"), gateway.baseUrl());

        assertThat(r.exit()).as(r.stderr()).isZero();
        List<String> args = recordedArgs();
        assertThat(args.get(1)).isEqualTo(Files.readString(SCRIPTS.resolve("prompts/weekly_review.md")).strip());
        assertThat(flag(args, "--model")).isEqualTo("opus");
        assertThat(flag(args, "--allowedTools")).contains("mcp__leash__get_param_history")
                .doesNotContain("update_params", "set_trading_mode");
        assertThat(Files.readString(dir.resolve("outer-loop.log"))).contains(" weekly_review (opus): ");
    }

    @Test
    void failingModelExitsNonZeroAndLeavesParamsAndJournalUntouched() throws Exception {
        Snapshot before = Snapshot.of(gatewayData());

        Result r = run("outer-loop.sh", fakeClaude("claude-failing"), gateway.baseUrl());

        assertThat(r.exit()).isEqualTo(5);
        assertThat(dir.resolve("rec.args")).as("the model was asked").exists();
        assertThat(Files.readString(dir.resolve("outer-loop.log")))
                .contains("outer_loop_review (haiku): FAILED, the model run exited with 1; params untouched");
        assertThat(Snapshot.of(gatewayData())).isEqualTo(before);
    }

    @Test
    void unreachableGatewayExitsNonZeroWithoutAskingTheModel() throws Exception {
        Snapshot before = Snapshot.of(gatewayData());
        String down = "http://127.0.0.1:" + LeashProcesses.freePort();

        Result r = run("outer-loop.sh", fakeClaude("claude"), down);

        assertThat(r.exit()).isEqualTo(3);
        assertThat(dir.resolve("rec.args")).as("the model was not asked").doesNotExist();
        assertThat(Files.readString(dir.resolve("outer-loop.log"))).contains("FAILED, gateway " + down
                + " unreachable; no review, params untouched");
        assertThat(Snapshot.of(gatewayData())).isEqualTo(before);
    }

    /** The params file and the audit journal, byte for byte. */
    record Snapshot(String params, String audit) {
        static Snapshot of(Path data) throws IOException {
            return new Snapshot(Files.readString(data.resolve("ai_params.json")),
                    Files.readString(data.resolve("audit.jsonl")));
        }
    }

    record Result(int exit, String stdout, String stderr) {
    }

    private static Path gatewayData() {
        return shared.resolve("gateway-data");
    }

    private Result run(String script, Path claude, String gatewayUrl) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", SCRIPTS.resolve(script).toString()).directory(dir.toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("LEASH_"));
        env.put("CLAUDE_BIN", claude.toString());
        env.put("FAKE_CLAUDE_RECORD", dir.resolve("rec").toString());
        env.put("LEASH_GATEWAY_URL", gatewayUrl);
        env.put("LEASH_MCP_URL", mcp.baseUrl() + "/mcp");
        env.put("LEASH_MCP_TOKEN", LeashProcesses.MCP_TOKEN);
        env.put("LEASH_OUTER_LOOP_LOG", dir.resolve("outer-loop.log").toString());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out, err);
    }

    private Path fakeClaude(String name) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/fake-claude/" + name))) {
            Files.copy(in, target);
        }
        assertThat(target.toFile().setExecutable(true)).isTrue();
        return target;
    }

    private List<String> recordedArgs() throws IOException {
        String raw = Files.readString(dir.resolve("rec.args"));
        return Arrays.asList(raw.substring(0, raw.length() - 1).split("\0", -1));
    }

    private static String flag(List<String> args, String name) {
        int i = args.indexOf(name);
        assertThat(i).as("%s in %s", name, args).isPositive();
        return args.get(i + 1);
    }
}
