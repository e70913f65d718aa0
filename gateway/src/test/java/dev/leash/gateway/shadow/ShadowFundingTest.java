package dev.leash.gateway.shadow;

import dev.leash.backtest.BacktestResult;
import dev.leash.backtest.Backtester;
import dev.leash.backtest.Bars;
import dev.leash.engine.FillSink;
import dev.leash.engine.MarketFeed;
import dev.leash.engine.Tick;
import dev.leash.engine.BarSink;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.engine.OrderQueue;
import dev.leash.backtest.Specs;
import dev.leash.risk.BlockSpec;
import dev.leash.risk.Params;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import dev.leash.venue.sim.FundingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Shadow books see the live book's funding rate as one more market event, journaled with the step. */
@Timeout(60)
class ShadowFundingTest {

    private static final double INITIAL = 100_000.0;
    private static final int WARMUP = 400;
    private static final long T = ShadowFixtures.ORIGIN;

    @Test
    void aShadowWithAFundingFilterFedTheBacktestsStepsAndFundingReproducesItsFills() {
        Bars bars = ShadowFixtures.bars(7, 3_000);
        Params base = ShadowFixtures.params(1, 20);
        Params params = base.withStrategy(new StrategySpec(StrategySpec.defaultFor(base).entry(),
                List.of(BlockSpec.of(StrategyBlock.FUNDING, Map.of(StrategyField.FUNDING_MAX_PCT, 0.0))),
                StrategySpec.defaultFor(base).exits()));
        BacktestResult backtest = Backtester.create(ShadowFixtures.instruments(), ShadowFixtures.limits(), INITIAL,
                WARMUP).run(params, bars);

        ShadowBook shadow = new ShadowBook("funding", ShadowFixtures.instruments(), ShadowFixtures.limits(), params,
                bars.openTime(WARMUP), INITIAL);
        shadow.warmUp(ShadowFixtures.warmup(bars, WARMUP));
        for (MarketStep step : withModelFunding(bars, ShadowFixtures.steps(bars, WARMUP, params, INITIAL))) {
            shadow.step(step);
        }

        assertThat(backtest.fills()).hasSizeGreaterThan(5);
        assertThat(shadow.fills()).isEqualTo(backtest.fills());
    }

    @Test
    void aStepsFundingRatesSurviveTheJournalExactlyUnknownIncluded() {
        MarketStep step = new MarketStep(T, new double[]{100.5, 20.25}, new double[]{Double.NaN, 20.3},
                new boolean[]{true, true}, List.of(), List.of(), null, Double.NaN, new double[2], new double[2],
                new double[]{0.0123456789, Double.NaN});

        MarketStep back = StepCodec.decode(T, StepCodec.encode(step), 2);

        assertThat(back.funding()).containsExactly(0.0123456789, Double.NaN);
        assertThat(back.price()).containsExactly(100.5, 20.25);
    }

    @Test
    void aStepJournaledBeforeFundingWasKeptReadsBackWithFundingUnknown() {
        MarketStep back = StepCodec.decode(T, "100.5,NaN;|1,1704067500000,101.0,99.0,100.0,5.0|", 2);

        assertThat(back.funding()).containsExactly(Double.NaN, Double.NaN);
        assertThat(back.fresh()).containsExactly(true, false);
        assertThat(back.bars()).hasSize(1);
    }

    @Test
    void theTapCopiesTheFeedsFundingRatesIntoTheStepItHandsToTheShadows() {
        int n = ShadowFixtures.instruments().size();
        double[] rates = new double[n];
        for (int s = 0; s < n; s++) {
            rates[s] = 0.01 * (s + 1) * (s % 2 == 0 ? 1 : -1);
        }
        MarketTap tap = new MarketTap(new FundingOnlyFeed(rates), n);
        List<MarketStep> sent = new ArrayList<>();
        tap.sendTo(sent::add);
        Engine live = new Engine(Specs.of(ShadowFixtures.instruments()), ShadowFixtures.limits(),
                ShadowFixtures.params(1, 20), new OrderQueue(), EngineListener.NONE, () -> INITIAL);

        tap.advanceTo(T, null);
        for (int s = 0; s < n; s++) {
            assertThat(tap.fundingPct(s, T)).isEqualTo(rates[s]);
        }
        tap.endStep(T, live, INITIAL);

        assertThat(sent).singleElement().satisfies(s -> assertThat(s.funding()).containsExactly(rates));
    }

    /** The steps, each carrying the funding rate the backtest's model predicts at the last closed bar, in percent. */
    private static List<MarketStep> withModelFunding(Bars bars, List<MarketStep> steps) {
        int lookback = (int) (FundingModel.INTERVAL_MILLIS / 300_000L);
        List<MarketStep> out = new ArrayList<>();
        for (MarketStep s : steps) {
            int last = (int) ((s.time() - bars.openTime(0)) / 300_000L) - 1;
            double[] funding = new double[bars.symbolCount()];
            for (int sym = 0; sym < funding.length; sym++) {
                int before = last - lookback;
                funding[sym] = 100.0 * (before < 0 ? FundingModel.BASE_RATE
                        : FundingModel.rate(bars.close(sym, before), bars.close(sym, last)));
            }
            out.add(new MarketStep(s.time(), s.price(), s.mark(), s.fresh(), s.warmup(), s.bars(), s.liveParams(),
                    s.liveEquity(), s.livePosition(), s.liveEntry(), funding));
        }
        return out;
    }

    /** A feed with no market but funding rates. */
    record FundingOnlyFeed(double[] funding) implements MarketFeed {
        @Override
        public long nextStep(long now) {
            return NO_STEP;
        }

        @Override
        public void advanceTo(long t, FillSink fills) {
        }

        @Override
        public void closeBars(int sym, long t, BarSink bars) {
        }

        @Override
        public boolean tick(int sym, long t, Tick tick) {
            return false;
        }

        @Override
        public double fundingPct(int sym, long t) {
            return funding[sym];
        }
    }
}
