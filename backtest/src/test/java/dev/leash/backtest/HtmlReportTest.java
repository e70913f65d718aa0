package dev.leash.backtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class HtmlReportTest {

    private static BacktestResult result;

    @TempDir
    Path dir;

    @BeforeAll
    static void backtest() {
        Backtester backtester = Backtester.create(Fixtures.instruments(), 100_000, Backtester.DEFAULT_WARMUP_BARS);
        result = backtester.run(Fixtures.defaultParams(), Fixtures.syntheticBars(7, 2_000));
    }

    @Test
    void reportFileHoldsTheMetricsParamsAndInlineCharts() throws IOException {
        Path file = dir.resolve("report.html");

        HtmlReport.write(file, "Backtest <seed 7>", result);

        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>Backtest &lt;seed 7&gt;</title>")
                .contains("Total return", "Max drawdown", "Sharpe", "Win rate", "Profit factor", "Fees paid",
                        "Funding paid", "Trades (round trips)")
                .contains(String.format(java.util.Locale.ROOT, "%,.2f", result.metrics().finalEquity()))
                .contains("breakout_lookback", "<td>20</td>", "trading_mode", "<td>active</td>")
                .contains("<svg", "<polyline");
        assertThat(html.split("<svg", -1)).hasSize(3);
        assertThat(html).doesNotContain("<script", "http://", "https://", "<link");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aReportOnLessThanSevenDaysShowsNoSharpeButSaysWhy() {
        String html = HtmlReport.render("r", result);

        assertThat(result.metrics().barsProcessed()).isLessThan(BacktestMetrics.MIN_SHARPE_BARS);
        assertThat(html).contains("<th>Sharpe (annualized)</th><td>unavailable: needs at least 7 days of data");
    }

    @Test
    void theSameResultRendersTheSameBytes() {
        assertThat(HtmlReport.render("r", result)).isEqualTo(HtmlReport.render("r", result));
    }

    @Test
    void replacesAnExistingReport() throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");

        HtmlReport.write(file, "new", result);

        assertThat(Files.readString(file)).contains("<title>new</title>");
    }
}
