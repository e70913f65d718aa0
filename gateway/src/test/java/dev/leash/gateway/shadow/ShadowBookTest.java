package dev.leash.gateway.shadow;

import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.risk.Params;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.venue.Fill;
import dev.leash.venue.Position;
import dev.leash.venue.sim.TickPath;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

@Timeout(60)
class ShadowBookTest {

    private static final double INITIAL = 100_000.0;
    private static final int WARMUP = 400;
    private static final long BAR = 300_000L;

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

    @Test
    void aShadowsEntryWaitsOpenForTheNextStepAndCountsMeanwhileSoASecondEntryCannotPassTheLeverageLimit() {
        long t0 = ShadowFixtures.ORIGIN + 30 * BAR;
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        ShadowFixtures.instruments().forEach(in -> symbols.put(in.symbol(), new SymbolParams(true, 1.0)));
        // 2 % per position, leverage 1: gross exposure at most the equity
        Params params = new Params(1, 2.0, 5.0, null, 20, 1.0, 3.0, TradingMode.ACTIVE, symbols, "test", "",
                Instant.EPOCH);
        ShadowBook shadow = new ShadowBook("baseline", ShadowFixtures.instruments(), ShadowFixtures.limits(), params,
                t0, INITIAL);
        double[] level = {65_000, 3_200, 150};
        List<ClosedBar> history = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            for (int sym = 0; sym < 3; sym++) {
                history.add(new ClosedBar(sym, ShadowFixtures.ORIGIN + (k + 1) * BAR, level[sym] * 1.005,
                        level[sym] * 0.995, level[sym], 10));
            }
        }
        shadow.warmUp(history);
        // 96,495 USDT of SOL held from the live book: room for one 2 % entry, not for two
        shadow.holdLivePositions(new double[] {0, 0, 643.3}, new double[] {0, 0, 150}, new double[] {0, 0, 150});
        double[] breakout = {65_000 * 1.01, 3_200 * 1.01, 150}; // BTC and ETH above their channels at once

        shadow.step(step(t0, breakout));
        assertThat(shadow.fills()).as("sent, waiting for the next price").isEmpty();
        shadow.step(step(t0 + TickPath.STEP_MILLIS, breakout));

        assertThat(shadow.fills()).extracting(Fill::symbol, Fill::time)
                .containsExactly(tuple("BTCUSDT", t0 + TickPath.STEP_MILLIS));
        assertThat(shadow.positions()).extracting(Position::symbol).containsExactlyInAnyOrder("BTCUSDT", "SOLUSDT");
    }

    private static MarketStep step(long t, double[] price) {
        int n = price.length;
        boolean[] fresh = new boolean[n];
        double[] mark = new double[n];
        java.util.Arrays.fill(fresh, true);
        java.util.Arrays.fill(mark, Double.NaN);
        return new MarketStep(t, price.clone(), mark, fresh, List.of(), List.of(), ShadowFixtures.params(1, 20),
                INITIAL, new double[n], new double[n]);
    }
}
