package dev.leash.gateway.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class BacktestSweepCommandTest {

    private static final long T0 = 1_704_067_200_000L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Path csv;

    @BeforeEach
    void writeCandles() throws Exception {
        csv = dir.resolve("btc.csv");
        StringBuilder sb = new StringBuilder("symbol,open_time,open,high,low,close,volume\n");
        long cents = 4_200_000;
        for (int k = 0; k < 3_000; k++) {
            long next = cents + ((k * 7919L) % 601) - 300;
            sb.append("BTCUSDT,").append(T0 + k * 300_000L).append(',').append(cents / 100.0).append(',')
                    .append((Math.max(cents, next) + 40) / 100.0).append(',')
                    .append((Math.min(cents, next) - 40) / 100.0).append(',').append(next / 100.0).append(",12.5\n");
            cents = next;
        }
        Files.writeString(csv, sb, StandardCharsets.US_ASCII);
    }

    @Test
    void sweepsTwoFieldsIntoATableOnStdoutAndAHeatmapInTheReport() throws Exception {
        Path report = dir.resolve("sweep.html");

        int code = run("backtest", "--data", csv.toString(), "--sweep", "max_position_pct=1:5.5:1.5",
                "--sweep", "breakout_lookback=12:24:12", "--sort-by", "sharpe", "--threads", "2",
                "--report", report.toString());

        String stderr = err.toString(StandardCharsets.UTF_8);
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(stderr).isZero();
        assertThat(stderr).contains("sweep: 8 combinations of [max_position_pct, breakout_lookback] on 2 threads")
                .contains("sweep: 6 runs of 3,000 bars");
        assertThat(stdout).startsWith("sweep: 6 combinations run, 2 not run; sorted by sharpe, highest first\n")
                .contains("not run: max_position_pct=5.5, breakout_lookback=12: max_position_pct: ")
                .contains("not run: max_position_pct=5.5, breakout_lookback=24: max_position_pct: ");
        assertThat(stdout.lines().filter(l -> l.strip().startsWith("1 ")
                || l.strip().startsWith("2.5 ") || l.strip().startsWith("4 "))).hasSize(6);
        assertThat(Files.readString(report)).contains("max_position_pct (rows) by breakout_lookback (columns)")
                .contains("<h2>Not run</h2>");
    }

    @Test
    void aBadSweepSpecIsAUsageErrorThatNamesItAndRunsNothing() throws Exception {
        int code = run("backtest", "--data", csv.toString(), "--sweep", "max_position_pct=2:1:0.5");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("bad --sweep 'max_position_pct=2:1:0.5': FROM 2 is above TO 1 (expected FIELD=FROM:TO:STEP")
                .doesNotContain("read 3,000 bars");
        assertThat(out.size()).isZero();
    }

    @Test
    void anUnknownSortMetricOrFieldOrSweepOnlyOptionIsAUsageError() throws Exception {
        assertThat(run("backtest", "--data", csv.toString(), "--sweep", "stop_loss_pct=1:2:1", "--sort-by",
                "luck")).isEqualTo(2);
        assertThat(run("backtest", "--data", csv.toString(), "--sweep", "enabled=0:1:1")).isEqualTo(2);
        assertThat(run("backtest", "--data", csv.toString(), "--threads", "2")).isEqualTo(2);
        assertThat(run("backtest", "--data", csv.toString(), "--sweep", "stop_loss_pct=1:2:1", "--threads",
                "0")).isEqualTo(2);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("--sort-by 'luck' is not a metric; one of [return_pct, sharpe")
                .contains("'enabled' is not a numeric parameter")
                .contains("--sort-by and --threads need --sweep")
                .contains("--threads must be at least 1, not 0");
        assertThat(out.size()).isZero();
    }

    @Test
    void aSweepOfAFieldTheParamsStrategyHasNoBlockForIsAUsageErrorThatRunsNothing() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode doc = dev.leash.gateway.config.ConfigLoader
                .defaultBaseline(java.util.List.of("BTCUSDT"));
        doc.put("version", 1).put("updated_by", "test").put("rationale", "strategy sweep")
                .put("updated_at", java.time.Instant.EPOCH.toString());
        doc.set("strategy", new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                "{\"entry\": {\"rule\": \"bollinger_reversion\", \"period\": 20, \"width\": 2.0},"
                        + " \"exits\": [{\"exit\": \"stop_loss\", \"pct\": 1.5}]}"));
        Path params = dir.resolve("ai_params.json");
        Files.writeString(params, doc.toString());

        int code = run("backtest", "--data", csv.toString(), "--params", params.toString(), "--sweep",
                "breakout_lookback=10:30:10");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--sweep breakout_lookback changes nothing: the"
                + " params' strategy (entry bollinger_reversion, exits stop_loss) has no donchian_breakout entry");
        assertThat(out.size()).isZero();
    }

    private int run(String... args) {
        return Main.run(args, Map.of(), print(out), print(err));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
