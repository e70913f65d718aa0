package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static dev.leash.risk.Fixtures.T0;
import static dev.leash.risk.Fixtures.base;
import static dev.leash.risk.Fixtures.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The principal of a write decides which rules apply: limits for everyone, slow rise for all but the operator. */
class PrincipalRulesTest {

    private final ParamPolicy policy = new ParamPolicy(Limits.hard(ALLOWLIST));
    private final Params paused = from(base()).tradingMode(TradingMode.PAUSED).build();
    private final Params active = from(paused).tradingMode(TradingMode.ACTIVE).build();
    /** The model raised risk one minute ago. */
    private final ChangeLog modelIncreasedAMinuteAgo = ChangeLog.empty(paused)
            .plus(ChangeLog.entry(T0.minus(Duration.ofMinutes(1)), true, paused));

    private Verdict evaluate(Params current, Params candidate, Principal principal, ChangeLog log) {
        return policy.evaluate(current, candidate, "someone", principal, "why", T0, log);
    }

    private static ChangeLog eightIncreasesInTheLastDay(Params p) {
        List<ChangeLog.Entry> entries = new ArrayList<>();
        for (int h = 1; h <= 8; h++) {
            entries.add(ChangeLog.entry(T0.minus(Duration.ofHours(h)), true, p));
        }
        return new ChangeLog(p.maxPositionPct(), entries);
    }

    @Test
    void operatorResumeRightAfterAModelIncreaseIsAccepted() {
        Verdict verdict = evaluate(paused, active, Principal.OPERATOR, modelIncreasedAMinuteAgo);

        assertThat(verdict.accepted()).as("%s", verdict.violations()).isTrue();
        assertThat(verdict.params().tradingMode()).isEqualTo(TradingMode.ACTIVE);
        assertThat(verdict.increase()).as("still counted as an increase").isTrue();
    }

    @Test
    void theSameResumeByTheModelIsRefusedForCooldown() {
        Verdict verdict = evaluate(paused, active, Principal.MODEL, modelIncreasedAMinuteAgo);

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("trading_mode", Rule.COOLDOWN));
    }

    @Test
    void theModelsCooldownCountsAnIncreaseByTheOperator() {
        ChangeLog operatorRaisedAMinuteAgo = modelIncreasedAMinuteAgo; // the log does not say who: anyone counts
        Params raised = from(active).maxPositionPct(1.5).build();

        Verdict verdict = evaluate(active, raised, Principal.MODEL, operatorRaisedAMinuteAgo);

        assertThat(verdict.violations()).extracting(Violation::rule).containsExactly(Rule.COOLDOWN);
    }

    @Test
    void anUnnamedPrincipalIsTheModel() {
        Verdict verdict = policy.evaluate(paused, active, "someone", "why", T0, modelIncreasedAMinuteAgo);

        assertThat(verdict.violations()).extracting(Violation::rule).containsExactly(Rule.COOLDOWN);
    }

    @Test
    void operatorRaiseIsFreeOfStepDailyCountAndDrift() {
        Params big = from(active).maxPositionPct(4.0).maxLeverage(3.0).build();
        ChangeLog busy = eightIncreasesInTheLastDay(active);

        assertThat(evaluate(active, big, Principal.OPERATOR, busy).accepted()).isTrue();
        assertThat(evaluate(active, big, Principal.MODEL, busy).violations()).extracting(Violation::field,
                Violation::rule).containsExactly(tuple("max_position_pct", Rule.STEP),
                tuple("max_leverage", Rule.DAILY_INCREASES));
    }

    @Test
    void operatorIsStillBoundByTheCeilingsAndTheAllowlist() {
        Params beyond = from(active).maxPositionPct(5.5).symbol("PEPEUSDT", true, 1.0).build();

        Verdict verdict = evaluate(active, beyond, Principal.OPERATOR, ChangeLog.empty(active));

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                tuple("max_position_pct", Rule.BOUNDS), tuple("symbols.PEPEUSDT", Rule.ALLOWLIST));
    }

    @Test
    void operatorIsStillBoundByTheEffectiveExposureCeiling() {
        Params scaled = from(active).maxPositionPct(4.0).symbol("BTCUSDT", true, 1.5).build();

        Verdict verdict = evaluate(active, scaled, Principal.OPERATOR, ChangeLog.empty(active));

        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("symbols.BTCUSDT.size_multiplier", Rule.BOUNDS));
    }

    @Test
    void systemMayOnlyLowerRisk() {
        Params lower = from(active).maxPositionPct(0.5).tradingMode(TradingMode.REDUCE_ONLY).build();

        assertThat(evaluate(active, lower, Principal.SYSTEM, ChangeLog.empty(active)).accepted()).isTrue();
        assertThat(evaluate(paused, active, Principal.SYSTEM, ChangeLog.empty(paused)).violations())
                .extracting(Violation::field, Violation::rule).containsExactly(tuple("trading_mode", Rule.PRINCIPAL));
    }

    @Test
    void aHandEditIsBoundLikeTheModel() {
        Verdict verdict = evaluate(paused, active, Principal.FILE, modelIncreasedAMinuteAgo);

        assertThat(verdict.violations()).extracting(Violation::rule).containsExactly(Rule.COOLDOWN);
    }

    @Test
    void theOperatorIsNotBoundByTheDriftCapOnEffectiveExposure() {
        Params start = from(base()).maxPositionPct(2.0).symbol("BTCUSDT", true, 0.5).build(); // BTC 1 %
        Params doubled = from(start).symbol("BTCUSDT", true, 1.0).updatedAt(T0.minus(Duration.ofHours(20))).build();
        Params further = from(doubled).maxPositionPct(2.1).symbol("BTCUSDT", true, 1.5).build(); // BTC 3.15 %
        ChangeLog climbing = ChangeLog.of(List.of(start, doubled));

        assertThat(evaluate(doubled, further, Principal.MODEL, climbing).violations()).extracting(Violation::rule)
                .containsExactly(Rule.DRIFT);
        assertThat(evaluate(doubled, further, Principal.OPERATOR, climbing).accepted()).isTrue();
    }
}
