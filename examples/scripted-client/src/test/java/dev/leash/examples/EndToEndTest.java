package dev.leash.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
import dev.leash.params.AuditEntry;
import dev.leash.params.AuditLog;
import dev.leash.params.ParamStore;
import dev.leash.risk.Ceilings;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole outer loop in practice, as separate processes: the gateway on the simulated venue at 600x, the MCP
 * server over Streamable HTTP in front of it, and the scripted client reviewing for six cycles. Then the proof:
 * trades happened, every accepted version stayed inside the ceilings and the step, the over-step probe was rejected
 * with its field and rule, every proposal is journaled with its author and rationale, the inner loop traded on the
 * new version, and both processes stop cleanly on SIGTERM.
 */
@Timeout(240)
class EndToEndTest {

    private static final int CYCLES = 6;
    /** Longer than the MCP server's 10 s market cache, so every cycle sees fresh volatility. */
    private static final Duration INTERVAL = Duration.ofSeconds(11);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void scriptedClientTunesARunningGatewayWithinTheBounds() throws Exception {
        long t0 = System.nanoTime();
        LeashProcesses.Running gateway = LeashProcesses.gateway(dir, 600);
        LeashProcesses.Running mcp = null;
        ScriptedOuterLoop.Report report;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        try {
            mcp = LeashProcesses.mcpServer(dir, gateway);
            LeashProcesses.awaitHttp(gateway, gateway.baseUrl() + "/api/health", Duration.ofSeconds(60));
            LeashProcesses.awaitHttp(mcp, mcp.baseUrl() + "/mcp", Duration.ofSeconds(60));

            Options options = new Options(URI.create(mcp.baseUrl() + "/mcp"), LeashProcesses.MCP_TOKEN,
                    Options.DEFAULT_CLIENT_NAME, CYCLES, INTERVAL, 0.25, 3, 3);
            report = ScriptedOuterLoop.run(options, new PrintStream(log, true, StandardCharsets.UTF_8));
            System.err.print(log.toString(StandardCharsets.UTF_8));

            assertThat(log.toString(StandardCharsets.UTF_8).lines()).hasSize(CYCLES)
                    .allMatch(l -> l.startsWith("cycle "));
            assertThat(get(gateway, "/api/trades?limit=10").path("trades")).as("the inner loop traded").isNotEmpty();
            assertTheScriptsAllowExactlyTheServersTools(mcp);
            assertInnerLoopTradesOnTheNewestClientVersion(gateway, report);
        } finally {
            int mcpExit = mcp == null ? 0 : mcp.terminate(Duration.ofSeconds(20));
            int gatewayExit = gateway.terminate(Duration.ofSeconds(30));
            assertThat(mcpExit).as("MCP server exit on SIGTERM").isIn(0, 143);
            assertThat(gatewayExit).as("gateway exit on SIGTERM:\n%s", gateway.stderrText()).isIn(0, 143);
        }
        assertGatewayStoppedCleanly(gateway);

        Path data = dir.resolve("gateway-data");
        AuditLog audit = ParamStore.readAudit(data);
        assertThat(audit.problems()).isEmpty();
        assertAcceptedVersionsStayWithinTheBounds(audit.entries());
        assertEveryProposalIsJournaledWithItsRationale(audit.entries(), report);
        System.err.printf("end-to-end: %d proposals, wall time %d s%n", report.outcomes().size(),
                Duration.ofNanos(System.nanoTime() - t0).toSeconds());
    }

    private static void assertAcceptedVersionsStayWithinTheBounds(List<AuditEntry> entries) {
        List<AuditEntry> accepted = entries.stream().filter(AuditEntry::createdVersion).toList();
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(2);
        int increases = 0;
        for (int i = 0; i < accepted.size(); i++) {
            Params p = accepted.get(i).params();
            assertThat(p.version()).isEqualTo(i + 1L);
            assertThat(Ceilings.MAX_POSITION_PCT.contains(p.maxPositionPct())).as("v%d", p.version()).isTrue();
            assertThat(Ceilings.STOP_LOSS_PCT.contains(p.stopLossPct())).isTrue();
            assertThat(Ceilings.BREAKOUT_LOOKBACK.contains(p.breakoutLookback())).isTrue();
            assertThat(Ceilings.MAX_LEVERAGE.contains(p.maxLeverage())).isTrue();
            assertThat(Ceilings.DAILY_LOSS_LIMIT_PCT.contains(p.dailyLossLimitPct())).isTrue();
            for (SymbolParams s : p.symbols().values()) {
                assertThat(Ceilings.SIZE_MULTIPLIER.contains(s.sizeMultiplier())).isTrue();
            }
            if (i > 0) {
                double rise = p.maxPositionPct() - accepted.get(i - 1).params().maxPositionPct();
                assertThat(rise).as("v%d max_position_pct step", p.version())
                        .isLessThanOrEqualTo(Ceilings.MAX_POSITION_PCT_STEP + 1e-9);
                increases += rise > 1e-9 ? 1 : 0;
            }
        }
        assertThat(increases).as("the 15-minute cooldown allows one increase in this run").isLessThanOrEqualTo(1);
    }

    private static void assertEveryProposalIsJournaledWithItsRationale(List<AuditEntry> entries,
                                                                      ScriptedOuterLoop.Report report) {
        List<AuditEntry> mine = entries.stream()
                .filter(e -> e.kind() == AuditEntry.Kind.PROPOSAL && e.author().contains(Options.DEFAULT_CLIENT_NAME))
                .toList();
        List<ScriptedOuterLoop.Outcome> made = report.outcomes();
        assertThat(mine).as("one journal entry per update_params call").hasSameSizeAs(made);
        for (int i = 0; i < made.size(); i++) {
            ScriptedOuterLoop.Outcome o = made.get(i);
            AuditEntry e = mine.get(i);
            assertThat(e.author()).isEqualTo(Options.DEFAULT_CLIENT_NAME + " via mcp-token (model-token)");
            assertThat(e.rationale()).isEqualTo(o.proposal().rationale()).matches("(?s).*\\d.*");
            assertThat(e.verdict() == AuditEntry.Verdict.ACCEPTED).isEqualTo(o.accepted());
            assertThat(o.accepted()).as("%s", o).isEqualTo(o.proposal().expectAccepted());
        }
        assertThat(made).as("at least one accepted change").anyMatch(ScriptedOuterLoop.Outcome::accepted);
        assertThat(mine).as("the over-step probe was rejected with its field and rule")
                .anySatisfy(e -> {
                    assertThat(e.verdict()).isEqualTo(AuditEntry.Verdict.REJECTED);
                    assertThat(e.reasons()).anySatisfy(v -> {
                        assertThat(v.field()).isEqualTo("max_position_pct");
                        assertThat(v.rule()).isEqualTo(dev.leash.risk.Rule.STEP);
                    });
                });
        assertThat(made).filteredOn(o -> !o.accepted())
                .allSatisfy(o -> assertThat(o.reasons()).contains("max_position_pct: step"));
    }

    private static void assertInnerLoopTradesOnTheNewestClientVersion(LeashProcesses.Running gateway,
                                                                     ScriptedOuterLoop.Report report)
            throws Exception {
        long newest = report.outcomes().stream().filter(ScriptedOuterLoop.Outcome::accepted)
                .mapToLong(ScriptedOuterLoop.Outcome::version).max().orElse(1);
        assertThat(newest).as("an accepted change made a new version").isGreaterThan(1);
        Eventually.await("a decision on params version " + newest, Duration.ofSeconds(20),
                () -> decisions(gateway), decisions -> madeOn(decisions, newest));
    }

    private static boolean madeOn(JsonNode decisions, long version) {
        for (JsonNode d : decisions) {
            if (d.path("params_version").asLong() == version) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode decisions(LeashProcesses.Running gateway) {
        try {
            return get(gateway, "/api/decisions?limit=50").path("decisions");
        } catch (Exception e) {
            throw new IllegalStateException("GET /api/decisions failed", e);
        }
    }

    /** lib.sh's tool list is a copy in bash; it must name exactly the tools the server lists. */
    private static void assertTheScriptsAllowExactlyTheServersTools(LeashProcesses.Running mcp) throws Exception {
        String lib = Files.readString(LeashProcesses.ROOT.resolve("examples/outer-loop/lib.sh"));
        Matcher m = Pattern.compile("^LEASH_(?:READ|WRITE)_TOOLS=\\(([^)]*)\\)", Pattern.MULTILINE).matcher(lib);
        Set<String> inScript = new TreeSet<>();
        while (m.find()) {
            inScript.addAll(List.of(m.group(1).trim().split("\\s+")));
        }
        try (LeashClient c = LeashClient.connect(URI.create(mcp.baseUrl() + "/mcp"), LeashProcesses.MCP_TOKEN,
                "tool-list-check")) {
            assertThat(inScript).isEqualTo(new TreeSet<>(c.toolNames()));
        }
    }

    private static void assertGatewayStoppedCleanly(LeashProcesses.Running gateway) throws Exception {
        String err = gateway.stderrText();
        assertThat(err).contains("Leash gateway is running").contains("Javalin has stopped")
                .doesNotContain("Exception");
        assertThat(Files.readString(gateway.stdout())).as("nothing on stdout").isEmpty();
        Path data = gateway.stdout().getParent().resolve("gateway-data");
        try (Journal journal = Journal.open(Journal.sqliteUrl(data))) {
            List<JournalEvent> lifecycle = journal.events("lifecycle", 1);
            assertThat(lifecycle).extracting(JournalEvent::message).containsExactly("gateway stopped");
        }
    }

    private static JsonNode get(LeashProcesses.Running gateway, String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as("%s: %s", path, r.body()).isEqualTo(200);
        return LeashClient.JSON.readTree(r.body());
    }
}
