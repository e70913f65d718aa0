package dev.leash.gateway.shadow;

import dev.leash.engine.OrderIntent;
import dev.leash.engine.SymbolBias;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The live book's side vetoes travel with each journaled market step, so a replay follows them as the shadows did. */
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
}
