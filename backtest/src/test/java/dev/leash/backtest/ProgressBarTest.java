package dev.leash.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(10)
class ProgressBarTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private long now;

    @Test
    void redrawsAtMostEvery200MillisAndOnlyWhenThePercentageMoves() {
        ProgressBar bar = new ProgressBar(err, "backtest", () -> now);

        bar.onProgress(10, 1000);           // 1 %: drawn
        now += 50_000_000L;
        bar.onProgress(500, 1000);          // 50 %, but only 50 ms later: skipped
        now += 200_000_000L;
        bar.onProgress(505, 1000);          // 50 %, 250 ms later: drawn
        now += 200_000_000L;
        bar.onProgress(509, 1000);          // still 50 %: skipped

        assertThat(draws()).containsExactly("backtest [..............................]   1% 10/1,000 bars",
                "backtest [###############...............]  50% 505/1,000 bars");
    }

    @Test
    void endsWithOneFinalLineWithTheRate() {
        ProgressBar bar = new ProgressBar(err, "backtest", () -> now);
        now += 2_000_000_000L;
        bar.onProgress(1_000_000, 1_000_000);
        bar.onProgress(1_000_000, 1_000_000);

        assertThat(text()).isEqualTo("\rbacktest [##############################] 100% 1,000,000 bars in 2.0 s "
                + "(500,000 bars/s)" + System.lineSeparator());
    }

    @Test
    void refusesStdout() {
        assertThatThrownBy(() -> new ProgressBar(System.out, "x", () -> 0L))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stderr");
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private String[] draws() {
        return text().substring(1).split("\r");
    }
}
