package dev.leash.gateway.cli;

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
class BacktestCommandTest {

    private static final long T0 = 1_704_067_200_000L;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void backtestsAFileStreamedIntoBarsWithNotesOnStderrAndMetricsOnStdout() throws Exception {
        Path csv = dir.resolve("btc.csv");
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

        int code = Main.run(new String[] {"backtest", "--data", csv.toString()}, Map.of(), print(out), print(err));

        String stderr = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(stderr).isZero();
        assertThat(stderr).contains("read 3,000 bars in ").contains("backtest: 3000 bars of [BTCUSDT]");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"bars\" : 2700").doesNotContain("backtest [");
    }

    @Test
    void namesTheLineAndColumnOfABadRowAndExitsWithOne() throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "symbol,open_time,open,high,low,close,volume\nBTCUSDT," + T0 + ",100,99,101,100,1\n");

        int code = Main.run(new String[] {"backtest", "--data", csv.toString()}, Map.of(), print(out), print(err));

        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("leash-gateway: " + csv + " line 2, column 4 (high): high 99 is below low 101");
        assertThat(out.size()).isZero();
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
