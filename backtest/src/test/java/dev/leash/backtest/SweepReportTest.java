package dev.leash.backtest;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(120)
class SweepReportTest {

    private static Bars bars;
    private static Sweeper sweeper;
    private static Params base;

    @BeforeAll
    static void setUp() {
        bars = Fixtures.syntheticBars(5, 1_500);
        Limits limits = Limits.hard(new LinkedHashSet<>(bars.symbols()));
        sweeper = new Sweeper(Backtester.create(Fixtures.instruments(), limits, 100_000,
                Backtester.DEFAULT_WARMUP_BARS), limits, 2);
        base = Fixtures.params(20, TradingMode.ACTIVE);
    }

    @Test
    void twoSweptFieldsDrawAGridWithOneCellPerCombinationAndGreyForTheOnesNotRun() throws Exception {
        SweepResult r = sweep("max_position_pct=4:6:1", "breakout_lookback=12:24:12");

        String html = SweepReport.html("sweep <test>", r);

        assertThat(html).contains("<title>sweep &lt;test&gt;</title>")
                .contains("max_position_pct (rows) by breakout_lookback (columns)")
                .contains("sorted by return_pct, highest first");
        assertThat(count(html, "<rect ")).isEqualTo(6);
        assertThat(count(html, "fill=\"#ddd\"")).isEqualTo(2);
        assertThat(count(html, ">not run</text>")).isEqualTo(2);
        assertThat(html).contains(SweepReport.num(r.best().metrics().totalReturnPct()));
        assertThat(html).contains("<h2>Not run</h2>").contains("max_position_pct=6, breakout_lookback=12");
    }

    @Test
    void oneSweptFieldDrawsABarPerValue() throws Exception {
        SweepResult r = sweep("stop_loss_pct=1:3:1");

        String html = SweepReport.html("one", r);

        assertThat(html).contains("return_pct by stop_loss_pct");
        assertThat(count(html, "<rect ")).isEqualTo(3);
        assertThat(html).doesNotContain("<h2>Not run</h2>");
    }

    @Test
    void theTextTableListsRunsBestFirstThenTheOnesNotRunWithTheirReason() throws Exception {
        SweepResult r = sweep("max_position_pct=4:6:1");

        String[] lines = SweepReport.text(r).split("\n");

        assertThat(lines[0]).isEqualTo("sweep: 2 combinations run, 1 not run; sorted by return_pct, highest first");
        assertThat(lines[1]).contains("max_position_pct").contains("return_pct").contains("sharpe");
        assertThat(lines[2].strip()).startsWith(SweepAxis.plain(r.best().point().values().get(0)) + " ");
        assertThat(lines[4]).startsWith("not run: max_position_pct=6: max_position_pct: ");
    }

    private static SweepResult sweep(String... specs) throws InterruptedException {
        List<SweepAxis> axes = java.util.Arrays.stream(specs).map(s -> SweepAxis.parse(s).axis()).toList();
        return sweeper.run(ParamSweep.of(axes).sweep(), base, bars, SweepMetric.RETURN_PCT, BacktestProgress.NONE);
    }

    private static int count(String s, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
