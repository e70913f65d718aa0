package dev.leash.gateway.shadow;

import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@Timeout(60)
class ShadowBookTest {

    private static final double INITIAL = 100_000.0;
    private static final int WARMUP = 400;

    @Test
    void aShadowFedTheBacktestsMarketStepsReproducesItsFillsExactly() {
        Bars bars = ShadowFixtures.bars(7, 3_000);
        Params params = ShadowFixtures.params(1, 20);
        BacktestResult backtest = Backtester.create(ShadowFixtures.instruments(), ShadowFixtures.limits(), INITIAL,
                WARMUP).run(params, bars);

        ShadowBook shadow = new ShadowBook("baseline", ShadowFixtures.instruments(), ShadowFixtures.limits(), params,
                bars.openTime(WARMUP), INITIAL);
        shadow.warmUp(ShadowFixtures.warmup(bars, WARMUP));
        for (MarketStep step : ShadowFixtures.steps(bars, WARMUP, params, INITIAL)) {
            shadow.step(step);
        }

        assertThat(backtest.fills()).hasSizeGreaterThan(10);
        assertThat(shadow.fills()).isEqualTo(backtest.fills());
        assertThat(shadow.equity()).isEqualTo(backtest.metrics().finalEquity());
        assertThat(shadow.funding()).isEqualTo(backtest.metrics().fundingPaid());
        assertThat(shadow.figures().netPnl()).isCloseTo(backtest.metrics().finalEquity() - INITIAL, within(1e-9));
    }

    @Test
    void aShadowNeverLeavesItsStartingParamsWhatEverTheLiveBookTrades() {
        Bars bars = ShadowFixtures.bars(3, 800);
        Params baseline = ShadowFixtures.params(1, 20);
        ShadowBook shadow = new ShadowBook("baseline", ShadowFixtures.instruments(), ShadowFixtures.limits(),
                baseline, bars.openTime(WARMUP), INITIAL);
        shadow.warmUp(ShadowFixtures.warmup(bars, WARMUP));
        List<MarketStep> steps = ShadowFixtures.steps(bars, WARMUP, ShadowFixtures.params(9, 50), INITIAL);
        for (MarketStep step : steps) {
            shadow.step(step);
        }
        assertThat(shadow.params()).isEqualTo(baseline);
    }
}
