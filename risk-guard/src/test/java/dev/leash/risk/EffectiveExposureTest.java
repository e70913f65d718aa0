package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static dev.leash.risk.Fixtures.T0;
import static dev.leash.risk.Fixtures.base;
import static dev.leash.risk.Fixtures.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ceiling and the 24 h drift cap bind effective exposure, max_position_pct x size_multiplier, per symbol. */
class EffectiveExposureTest {

    private final ParamPolicy policy = new ParamPolicy(Limits.hard(ALLOWLIST));

    private Verdict byModel(Params current, Params candidate, ChangeLog log) {
        return policy.evaluate(current, candidate, "claude", "trend is clean", T0, log); // the model's rules
    }

    /** A log with no accepted change since {@code p}. */
    private static ChangeLog fresh(Params p) {
        return ChangeLog.empty(p.maxPositionPct());
    }

    @Test
    void refusesAMultiplierRaiseThatTakesEffectiveExposurePastTheCeiling() {
        Params current = from(base()).maxPositionPct(4.0).build();

        assertThat(byModel(current, from(current).symbol("BTCUSDT", true, 1.25).build(), fresh(current))
                .accepted()).as("4 x 1.25 = 5 %").isTrue();
        Verdict verdict = byModel(current, from(current).symbol("BTCUSDT", true, 1.3).build(),
                fresh(current));

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("symbols.BTCUSDT.size_multiplier", Rule.BOUNDS));
        assertThat(verdict.violations().get(0).message()).contains("5.2 %").contains("ceiling of 5 %");
    }

    @Test
    void refusesAPositionRaiseThatTakesAScaledSymbolPastTheCeiling() {
        Params current = from(base()).maxPositionPct(3.5).symbol("BTCUSDT", true, 1.4).build();

        Verdict verdict = byModel(current, from(current).maxPositionPct(3.6).build(), fresh(current));

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("max_position_pct", Rule.BOUNDS));
    }

    @Test
    void refusesEnablingASymbolWhoseEffectiveExposureIsPastTheCeiling() {
        Params current = from(base()).maxPositionPct(4.0).symbol("SOLUSDT", false, 1.5).build();

        Verdict verdict = byModel(current, from(current).symbol("SOLUSDT", true, 1.5).build(),
                fresh(current));

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("symbols.SOLUSDT.enabled", Rule.BOUNDS));
    }

    @Test
    void lowersEffectiveExposureEvenFromAboveTheCeiling() {
        Params legacy = from(base()).maxPositionPct(5.0).symbol("BTCUSDT", true, 1.5).build();

        Verdict verdict = byModel(legacy, from(legacy).symbol("BTCUSDT", true, 1.2).build(), fresh(legacy));

        assertThat(verdict.accepted()).as("%s", verdict.violations()).isTrue();
    }

    @Test
    void aWholeParameterSetPastTheEffectiveCeilingIsInvalid() {
        Params baseline = from(base()).maxPositionPct(4.0).symbol("BTCUSDT", true, 1.5).build();

        assertThat(policy.validate(baseline)).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("symbols.BTCUSDT.size_multiplier", Rule.BOUNDS));
    }

    @Test
    void aDisabledSymbolDoesNotCountAgainstTheCeiling() {
        Params baseline = from(base()).maxPositionPct(4.0).symbol("SOLUSDT", false, 1.5).build();

        assertThat(policy.validate(baseline)).isEmpty();
    }

    /** BTC at 2 % x 0.5 = 1 % a day ago, then its multiplier climbed in allowed steps. */
    private final Params start = from(base()).maxPositionPct(2.0).symbol("BTCUSDT", true, 0.5).build();
    private final Params doubled = from(start).symbol("BTCUSDT", true, 1.0).build();
    private final ChangeLog climbing = ChangeLog.of(List.of(start,
            from(doubled).updatedAt(T0.minus(Duration.ofHours(20))).build()));

    @Test
    void refusesAMultiplierRaiseBeyondTheDriftCapOnEffectiveExposure() {
        Params raised = from(doubled).symbol("BTCUSDT", true, 1.5).build(); // 2 x 1.5 = 3 %: +2 over 1 %

        assertThat(byModel(doubled, raised, climbing).accepted()).isTrue();
        Params further = from(doubled).maxPositionPct(2.1).symbol("BTCUSDT", true, 1.5).build(); // 3.15 %

        Verdict verdict = byModel(doubled, further, climbing);

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("symbols.BTCUSDT.size_multiplier", Rule.DRIFT));
        assertThat(verdict.violations().get(0).message()).contains("3.15 %").contains("above 1 %");
    }

    @Test
    void aPositionRaiseIsMeasuredAgainstEachSymbolsLowestEffectiveExposure() {
        Params current = from(base()).maxPositionPct(3.0).symbol("BTCUSDT", true, 1.5).build(); // 4.5 %
        ChangeLog log = ChangeLog.of(List.of(from(current).symbol("BTCUSDT", true, 0.8).build(),
                from(current).updatedAt(T0.minus(Duration.ofHours(2))).build()));

        Verdict verdict = byModel(current, from(current).maxPositionPct(3.2).build(), log); // 4.8 % vs 2.4 %

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("max_position_pct", Rule.DRIFT));
    }

    @Test
    void theDriftCapForgetsExposureOlderThanADay() {
        ChangeLog old = ChangeLog.of(List.of(start, from(doubled).updatedAt(T0.minus(Duration.ofHours(25))).build()));

        Verdict verdict = byModel(doubled, from(doubled).symbol("BTCUSDT", true, 1.5).build(), old);

        assertThat(verdict.accepted()).as("%s", verdict.violations()).isTrue();
    }

    @Test
    void headroomOffersNoMoreThanTheEffectiveCeilingAllows() {
        Params current = from(base()).maxPositionPct(4.0).build(); // BTC x 1.0, ETH x 0.5

        Headroom h = Headroom.of(Limits.hard(ALLOWLIST), current, ChangeLog.empty(current), T0);

        assertThat(h.ranges().get("symbols.BTCUSDT.size_multiplier").ceiling()).isEqualTo(1.25);
        assertThat(h.ranges().get("max_position_pct").ceiling()).isEqualTo(4.5);
        Params atTheTop = from(current).symbol("BTCUSDT", true, 1.25).build();
        assertThat(byModel(current, atTheTop, fresh(current)).accepted()).isTrue();
    }
}
