package dev.leash.gateway.shadow;

import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderQueue;
import dev.leash.engine.SymbolBias;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The live book's side vetoes travel with each step the tap hands over and each journaled market step, so the
 * shadows and a replay follow them.
 */
class ShadowVetoCodecTest {

    private static final long T = 1_704_067_500_000L;

    @Test
    void aStepsVetoesSurviveTheJournalExactly() {
        LiveTracking tracking = new LiveTracking(new OrderIntent[2], new long[2], new double[]{Double.NaN, Double.NaN},
                new long[]{Long.MIN_VALUE, Long.MIN_VALUE}, new SymbolBias[]{null, SymbolBias.SHORT_ONLY},
                new long[]{0, T + 3_600_000L});
        MarketStep step = new MarketStep(T, new double[]{100.5, 20.25}, new double[]{100.5, 20.3},
                new boolean[]{true, true}, List.of(), List.of(), null, Double.NaN, new double[2], new double[2],
                new double[]{Double.NaN, Double.NaN}, tracking);

        MarketStep back = StepCodec.decode(T, StepCodec.encode(step), 2);

        assertThat(back.liveTracking().veto()).containsExactly(null, SymbolBias.SHORT_ONLY);
        assertThat(back.liveTracking().vetoUntil()).containsExactly(0L, T + 3_600_000L);
        assertThat(back.price()).containsExactly(100.5, 20.25);
    }

    @Test
    void aStepJournaledBeforeVetoesWereKeptReadsBackWithoutVetoes() {
        MarketStep back = StepCodec.decode(T, "100.5,100.5;|||0.01;", 2);

        assertThat(back.liveTracking().veto()).containsExactly(null, null);
        assertThat(back.funding()).containsExactly(0.01, Double.NaN);
    }

    @Test
    void aStepWithAnUnknownVetoIsRejectedNamingWhatIsWrong() {
        assertThatThrownBy(() -> StepCodec.decode(T, "100.5,100.5;||||sideways,5;", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a veto is bias,until, this one is not");
        assertThatThrownBy(() -> StepCodec.decode(T, "100.5,100.5;||||flat,5", 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("vetoes for 2 symbols has 1");
    }

    @Test
    void theTapHandsOverTheLiveVetoesEachStepAndBuildsNewArraysOnlyWhenTheyChange() {
        int n = ShadowFixtures.instruments().size();
        MarketTap tap = new MarketTap(new ShadowFundingTest.FundingOnlyFeed(new double[n]), n);
        List<MarketStep> sent = new ArrayList<>();
        tap.sendTo(sent::add);
        Engine live = new Engine(Specs.of(ShadowFixtures.instruments()), ShadowFixtures.limits(),
                ShadowFixtures.params(1, 20), new OrderQueue(), EngineListener.NONE, () -> 100_000.0);
        long step = 1_000;

        for (int i = 0; i < 2; i++) {
            tap.advanceTo(T + i * step, null);
            tap.endStep(T + i * step, live, 100_000.0);
        }
        live.setBias(1, SymbolBias.LONG_ONLY, T + 3 * step);
        for (int i = 2; i < 5; i++) {
            tap.advanceTo(T + i * step, null);
            tap.endStep(T + i * step, live, 100_000.0);
        }

        assertThat(sent).hasSize(5);
        assertThat(sent.get(0).liveTracking().veto()).containsOnlyNulls();
        assertThat(sent.get(1).liveTracking().veto()).isSameAs(sent.get(0).liveTracking().veto());
        assertThat(sent.get(2).liveTracking().veto()[1]).isEqualTo(SymbolBias.LONG_ONLY);
        assertThat(sent.get(2).liveTracking().vetoUntil()[1]).isEqualTo(T + 3 * step);
        assertThat(sent.get(2).liveTracking().veto()).isNotSameAs(sent.get(1).liveTracking().veto());
        assertThat(sent.get(3).liveTracking().veto()).isNotSameAs(sent.get(2).liveTracking().veto())
                .as("the veto lapsed at its until").containsOnlyNulls();
        assertThat(sent.get(4).liveTracking().veto()).isSameAs(sent.get(3).liveTracking().veto());
    }
}
