package dev.leash.risk;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The scheduled reset lowers risk toward the baseline and never raises it, whatever the two versions hold. */
class ScheduledResetTest {

    private final ParamPolicy policy = new ParamPolicy(Limits.hard(Fixtures.ALLOWLIST));

    @net.jqwik.api.Example
    void keepsAPauseAndALowerPositionAndLowersWhatIsAboveTheBaseline() {
        Params baseline = params(1.0, 1.5, 20, 2.0, 3.0, TradingMode.ACTIVE, Map.of("BTCUSDT",
                new SymbolParams(true, 1.0), "ETHUSDT", new SymbolParams(true, 1.0)));
        Params current = params(0.3, 2.5, 10, 1.0, 4.0, TradingMode.PAUSED, Map.of("BTCUSDT",
                new SymbolParams(false, 0.5), "ETHUSDT", new SymbolParams(true, 1.5)));

        Params t = ScheduledReset.target(current, baseline);

        assertThat(t.maxPositionPct()).isEqualTo(0.3);
        assertThat(t.stopLossPct()).isEqualTo(1.5);
        assertThat(t.breakoutLookback()).isEqualTo(20);
        assertThat(t.maxLeverage()).isEqualTo(1.0);
        assertThat(t.dailyLossLimitPct()).isEqualTo(3.0);
        assertThat(t.tradingMode()).isEqualTo(TradingMode.PAUSED);
        assertThat(t.symbols()).containsEntry("BTCUSDT", new SymbolParams(false, 0.5))
                .containsEntry("ETHUSDT", new SymbolParams(true, 1.0));
    }

    @net.jqwik.api.Example
    void disablesASymbolTheBaselineDoesNotList() {
        Params baseline = params(1.0, 1.5, 20, 2.0, 3.0, TradingMode.ACTIVE, Map.of("BTCUSDT",
                new SymbolParams(true, 1.0)));
        Params current = params(1.0, 1.5, 20, 2.0, 3.0, TradingMode.ACTIVE, Map.of("BTCUSDT",
                new SymbolParams(true, 1.0), "ETHUSDT", new SymbolParams(true, 0.5)));

        assertThat(ScheduledReset.target(current, baseline).symbols())
                .containsEntry("ETHUSDT", new SymbolParams(false, 0.5));
    }

    @Property(tries = 20_000)
    void neverRaisesRiskAndStaysValid(@ForAll("valid") Params current, @ForAll("valid") Params baseline) {
        Params t = ScheduledReset.target(current, baseline);

        assertThat(RiskIncrease.fields(current, t)).isEmpty();
        assertThat(policy.validate(t)).isEmpty();
        assertThat(RiskIncrease.fields(baseline, t)).as("never above the baseline").isEmpty();
        assertThat(t.tradingMode().compareTo(current.tradingMode())).isLessThanOrEqualTo(0);
        for (Map.Entry<String, SymbolParams> e : t.symbols().entrySet()) {
            if (e.getValue().enabled()) {
                assertThat(current.isEnabled(e.getKey()) && baseline.isEnabled(e.getKey())).isTrue();
            }
        }
    }

    @Property(tries = 2_000)
    void isIdempotent(@ForAll("valid") Params current, @ForAll("valid") Params baseline,
                      @ForAll @IntRange(min = 1, max = 3) int times) {
        Params once = ScheduledReset.target(current, baseline);
        Params again = once;
        for (int i = 0; i < times; i++) {
            again = ScheduledReset.target(again, baseline);
        }
        assertThat(again.sameValuesAs(once)).isTrue();
    }

    @Provide
    Arbitrary<Params> valid() {
        return ParamsArbitraries.validWithinEffectiveCeiling();
    }

    private static Params params(double pos, double stop, int lookback, double lev, double loss, TradingMode mode,
                                 Map<String, SymbolParams> symbols) {
        SortedMap<String, SymbolParams> s = new TreeMap<>(symbols);
        return new Params(7, pos, stop, null, lookback, lev, loss, mode, s, "test", "", Instant.EPOCH);
    }
}
