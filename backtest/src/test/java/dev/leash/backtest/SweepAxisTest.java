package dev.leash.backtest;

import dev.leash.risk.ParamField;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SweepAxisTest {

    @Test
    void expandsARangeInclusiveOfBothEndsWithoutFloatingPointDrift() {
        SweepAxis.Parse p = SweepAxis.parse("max_position_pct=0.2:2:0.2");

        assertThat(p.ok()).as(p.error()).isTrue();
        assertThat(p.axis().field()).isEqualTo(ParamField.MAX_POSITION_PCT);
        assertThat(p.axis().values()).containsExactly(0.2, 0.4, 0.6, 0.8, 1.0, 1.2, 1.4, 1.6, 1.8, 2.0);
    }

    @Test
    void expandsAWholeNumberFieldAndStopsAtTheLastStepBelowTo() {
        SweepAxis axis = SweepAxis.parse("breakout_lookback=12:50:6").axis();

        assertThat(axis.values()).containsExactly(12.0, 18.0, 24.0, 30.0, 36.0, 42.0, 48.0);
    }

    @Test
    void rejectsEachBadSpecWithItsReasonAndTheExpectedForm() {
        assertThat(SweepAxis.parse("max_position_pct").error()).contains("no field name before '='")
                .contains("expected FIELD=FROM:TO:STEP");
        assertThat(SweepAxis.parse("max_posn=1:2:1").error()).contains("'max_posn' is not a numeric parameter")
                .contains("breakout_lookback");
        assertThat(SweepAxis.parse("trading_mode=1:2:1").error()).contains("'trading_mode' is not a numeric");
        assertThat(SweepAxis.parse("stop_loss_pct=1:2").error()).contains("three numbers FROM:TO:STEP");
        assertThat(SweepAxis.parse("stop_loss_pct=1:x:1").error()).contains("'x' is not a number");
        assertThat(SweepAxis.parse("stop_loss_pct=1:2:0").error()).contains("STEP must be positive");
        assertThat(SweepAxis.parse("stop_loss_pct=1:2:-1").error()).contains("STEP must be positive");
        assertThat(SweepAxis.parse("stop_loss_pct=3:2:1").error()).contains("FROM 3 is above TO 2");
        assertThat(SweepAxis.parse("stop_loss_pct=NaN:2:1").error()).contains("not a finite number");
        assertThat(SweepAxis.parse("breakout_lookback=12.5:48:6").error()).contains("whole number");
        assertThat(SweepAxis.parse("stop_loss_pct=0:1000:0.1").error()).contains("more than 1000 values");
    }

    @Test
    void setsOneFieldAndLeavesEveryOtherValueAlone() {
        var base = Fixtures.params(20, TradingMode.ACTIVE);

        var swept = SweepAxis.parse("breakout_lookback=30:30:1").axis().apply(base, 30);
        var sized = SweepAxis.parse("size_multiplier=0.5:0.5:1").axis().apply(base, 0.5);

        assertThat(swept.breakoutLookback()).isEqualTo(30);
        assertThat(swept.maxPositionPct()).isEqualTo(base.maxPositionPct());
        assertThat(swept.symbols()).isEqualTo(base.symbols());
        assertThat(sized.symbols().values()).allSatisfy(sp -> assertThat(sp.sizeMultiplier()).isEqualTo(0.5));
        assertThat(sized.breakoutLookback()).isEqualTo(20);
    }

    @Test
    void refusesAFieldSweptTwiceAndTooManyCombinations() {
        SweepAxis a = SweepAxis.parse("stop_loss_pct=1:2:1").axis();
        SweepAxis wide = SweepAxis.parse("stop_loss_pct=0.2:10:0.01").axis();
        SweepAxis other = SweepAxis.parse("take_profit_pct=0.2:50:0.1").axis();

        assertThat(ParamSweep.of(List.of(a, a)).error()).contains("stop_loss_pct is swept twice");
        assertThat(ParamSweep.of(List.of(wide, other)).error()).contains("more than 10000 combinations");
        assertThat(ParamSweep.of(List.of()).error()).contains("at least one --sweep");
    }
}
