package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static dev.leash.risk.Fixtures.T0;
import static dev.leash.risk.Fixtures.base;
import static dev.leash.risk.Fixtures.from;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ParamPolicyTest {

    private final ParamPolicy policy = new ParamPolicy(Limits.hard(ALLOWLIST));
    private final Params current = base();

    /** A numeric field of the parameters, by wire name, with its hard range and a setter. */
    enum Field {
        MAX_POSITION_PCT("max_position_pct", Ceilings.MAX_POSITION_PCT, (p, v) -> from(p).maxPositionPct(v).build()),
        STOP_LOSS_PCT("stop_loss_pct", Ceilings.STOP_LOSS_PCT, (p, v) -> from(p).stopLossPct(v).build()),
        TAKE_PROFIT_PCT("take_profit_pct", Ceilings.TAKE_PROFIT_PCT, (p, v) -> from(p).takeProfitPct(v).build()),
        BREAKOUT_LOOKBACK("breakout_lookback", Ceilings.BREAKOUT_LOOKBACK,
                (p, v) -> from(p).breakoutLookback((int) (double) v).build()),
        MAX_LEVERAGE("max_leverage", Ceilings.MAX_LEVERAGE, (p, v) -> from(p).maxLeverage(v).build()),
        DAILY_LOSS_LIMIT_PCT("daily_loss_limit_pct", Ceilings.DAILY_LOSS_LIMIT_PCT,
                (p, v) -> from(p).dailyLossLimitPct(v).build()),
        SIZE_MULTIPLIER("symbols.BTCUSDT.size_multiplier", Ceilings.SIZE_MULTIPLIER,
                (p, v) -> from(p).symbol("BTCUSDT", true, v).build());

        final String wire;
        final Range hard;
        final BiFunction<Params, Double, Params> set;

        Field(String wire, Range hard, BiFunction<Params, Double, Params> set) {
            this.wire = wire;
            this.hard = hard;
            this.set = set;
        }

        /** The smallest change the field can express: one bar, or one unit of the fourth decimal. */
        double tick() {
            return this == BREAKOUT_LOOKBACK ? 1 : 0.0001;
        }
    }

    private Verdict evaluate(Params candidate) {
        return evaluate(candidate, T0, ChangeLog.empty(current.maxPositionPct()));
    }

    private Verdict evaluate(Params candidate, Instant now, ChangeLog log) {
        return policy.evaluate(current, candidate, "claude", "funding flipped; trend is clean", now, log);
    }

    /** A log whose accepted risk increases happened at the given times, max_position_pct unchanged. */
    private ChangeLog increasesAt(Instant... times) {
        List<ChangeLog.Entry> entries = new ArrayList<>();
        for (Instant t : times) {
            entries.add(new ChangeLog.Entry(t, true, current.maxPositionPct()));
        }
        return new ChangeLog(current.maxPositionPct(), entries);
    }

    private static void assertRejectedFor(Verdict verdict, String field, Rule rule) {
        assertThat(verdict.accepted()).as("accepted").isFalse();
        assertThat(verdict.violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple(field, rule));
    }

    private static void assertAccepted(Verdict verdict) {
        assertThat(verdict.violations()).as("violations").isEmpty();
        assertThat(verdict.accepted()).isTrue();
    }

    @Nested
    class Bounds {

        @ParameterizedTest
        @EnumSource(Field.class)
        void acceptsExactlyTheFloorAndTheCeiling(Field field) {
            assertThat(policy.validate(field.set.apply(current, field.hard.floor()))).isEmpty();
            assertThat(policy.validate(field.set.apply(current, field.hard.ceiling()))).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Field.class)
        void rejectsOneTickBelowTheFloor(Field field) {
            List<Violation> violations = policy.validate(field.set.apply(current, field.hard.floor() - field.tick()));

            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple(field.wire, Rule.BOUNDS));
            assertThat(violations.get(0).message()).endsWith("is outside " + field.hard);
        }

        @ParameterizedTest
        @EnumSource(Field.class)
        void rejectsOneTickAboveTheCeiling(Field field) {
            List<Violation> violations =
                    policy.validate(field.set.apply(current, field.hard.ceiling() + field.tick()));

            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple(field.wire, Rule.BOUNDS));
        }

        @Test
        void rejectsAValueAboveTheCeilingAsBoundsEvenWhenTheStepWouldBeSmall() {
            Params near = from(current).maxPositionPct(4.8).build();

            Verdict verdict = policy.evaluate(near, from(near).maxPositionPct(5.1).build(), "claude", "more",
                    T0, ChangeLog.empty(4.8));

            assertRejectedFor(verdict, "max_position_pct", Rule.BOUNDS);
        }

        @Test
        void rejectsHugeNumbersAsOutOfBounds() {
            assertRejectedFor(evaluate(from(current).stopLossPct(1e300).build()), "stop_loss_pct", Rule.BOUNDS);
            assertRejectedFor(evaluate(from(current).maxLeverage(-1e300).build()), "max_leverage", Rule.BOUNDS);
        }

        @Test
        void holdsProposalsToOperatorTightenedLimits() {
            ParamPolicy tight = new ParamPolicy(Limits.builder(ALLOWLIST)
                    .tighten("max_position_pct", 0.1, 2.0).build());

            assertThat(tight.validate(from(current).maxPositionPct(2.0).build())).isEmpty();
            assertThat(tight.validate(from(current).maxPositionPct(2.0001).build()))
                    .extracting(Violation::field, Violation::rule, Violation::message)
                    .containsExactly(tuple("max_position_pct", Rule.BOUNDS, "2.0001 is outside [0.1, 2]"));
        }

        @Test
        void acceptsTakeProfitSwitchedOff() {
            assertAccepted(evaluate(from(current).takeProfitPct(null).build()));
        }
    }

    @Nested
    class NumbersAndPrecision {

        static Stream<Arguments> nonFinite() {
            List<Arguments> out = new ArrayList<>();
            for (Field field : Field.values()) {
                if (field != Field.BREAKOUT_LOOKBACK) {
                    for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                        out.add(Arguments.of(field, v));
                    }
                }
            }
            return out.stream();
        }

        @ParameterizedTest
        @MethodSource("nonFinite")
        void rejectsNanAndInfinities(Field field, double value) {
            assertRejectedFor(evaluate(field.set.apply(current, value)), field.wire, Rule.NOT_FINITE);
        }

        @ParameterizedTest
        @EnumSource(value = Field.class, names = "BREAKOUT_LOOKBACK", mode = EnumSource.Mode.EXCLUDE)
        void rejectsAFifthDecimalPlace(Field field) {
            double value = field.hard.floor() + 0.00005;

            List<Violation> violations = policy.validate(field.set.apply(current, value));

            assertThat(violations).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple(field.wire, Rule.PRECISION));
            assertThat(violations.get(0).message()).contains("more than 4 decimal places");
        }

        @Test
        void acceptsFourDecimalPlaces() {
            assertAccepted(evaluate(from(current).maxPositionPct(1.2345).stopLossPct(2.0001).build()));
        }

        @Test
        void rejectsManyDecimalPlaces() {
            assertRejectedFor(evaluate(from(current).maxPositionPct(1.23456789).build()), "max_position_pct",
                    Rule.PRECISION);
            assertRejectedFor(evaluate(from(current).maxPositionPct(Math.PI / 3).build()), "max_position_pct",
                    Rule.PRECISION);
        }

        @Test
        void treatsBinaryRoundingNoiseAsTheFourDecimalValue() {
            double noisy = 0.1 + 0.2; // 0.30000000000000004

            assertThat(Numbers.hasAllowedPrecision(noisy)).isTrue();
            assertThat(Numbers.units(noisy)).isEqualTo(3_000L);
            assertAccepted(evaluate(from(current).maxPositionPct(noisy).build()));
        }

        @Test
        void foldsNegativeZeroIntoZero() {
            Params p = from(current).symbol("BTCUSDT", true, -0.0).build();

            assertThat(Double.doubleToRawLongBits(p.symbols().get("BTCUSDT").sizeMultiplier())).isZero();
            assertThat(policy.validate(p)).isEmpty();
        }
    }

    @Nested
    class Symbols {

        @Test
        void rejectsASymbolOffTheAllowlist() {
            Verdict verdict = evaluate(from(current).symbol("PEPEUSDT", false, 0.0).build());

            assertRejectedFor(verdict, "symbols.PEPEUSDT", Rule.ALLOWLIST);
            assertThat(verdict.violations().get(0).message()).contains("not on the operator's allowlist");
        }

        @Test
        void rejectsAMalformedSymbol() {
            assertRejectedFor(evaluate(from(current).symbol("btcusdt", false, 0.0).build()), "symbols.btcusdt",
                    Rule.INVALID);
        }

        @Test
        void acceptsExactlyTenEnabledSymbolsAndRejectsEleven() {
            List<String> twelve = new ArrayList<>(new java.util.TreeSet<>(ALLOWLIST));
            Fixtures.P ten = from(current).symbols(new TreeMap<>());
            for (int i = 0; i < 10; i++) {
                ten.symbol(twelve.get(i), true, 0.5);
            }
            Params tenEnabled = ten.build();
            Params elevenEnabled = from(tenEnabled).symbol(twelve.get(10), true, 0.5).build();

            assertThat(policy.validate(tenEnabled)).isEmpty();
            Verdict verdict = policy.evaluate(tenEnabled, elevenEnabled, "claude", "more breadth", T0,
                    ChangeLog.empty(1.0));
            assertRejectedFor(verdict, "symbols", Rule.SYMBOL_COUNT);
            assertThat(verdict.violations().get(0).message()).startsWith("11 symbols enabled; at most 10");
        }

        @Test
        void disabledSymbolsDoNotCountTowardTheLimit() {
            Fixtures.P many = from(current).symbols(new TreeMap<>());
            int i = 0;
            for (String s : new java.util.TreeSet<>(ALLOWLIST)) {
                many.symbol(s, i++ < 10, 0.5);
            }

            assertThat(policy.validate(many.build())).isEmpty();
        }

        @Test
        void holdsProposalsToAnOperatorSymbolCount() {
            ParamPolicy three = new ParamPolicy(Limits.builder(ALLOWLIST).maxEnabledSymbols(3).build());

            assertThat(three.validate(from(current).symbol("SOLUSDT", true, 0.0).build())).isEmpty();
            assertThat(three.validate(from(current).symbol("SOLUSDT", true, 0.0).symbol("XRPUSDT", true, 0.0)
                    .build())).extracting(Violation::rule).containsExactly(Rule.SYMBOL_COUNT);
        }
    }

    @Nested
    class Authorship {

        @Test
        void rejectsAMissingOrBlankRationale() {
            for (String blank : new String[] {null, "", "  \t\n"}) {
                Verdict verdict = policy.evaluate(current, current, "claude", blank, T0, ChangeLog.empty(1.0));
                assertRejectedFor(verdict, "rationale", Rule.RATIONALE);
            }
        }

        @Test
        void acceptsARationaleOfExactlyTheLimitAndRejectsOneCharMore() {
            String longest = "r".repeat(Ceilings.MAX_RATIONALE_CHARS);

            assertAccepted(policy.evaluate(current, current, "claude", longest, T0, ChangeLog.empty(1.0)));
            assertRejectedFor(policy.evaluate(current, current, "claude", longest + "r", T0, ChangeLog.empty(1.0)),
                    "rationale", Rule.RATIONALE);
        }

        @Test
        void rejectsAMissingOrBlankAuthor() {
            for (String blank : new String[] {null, "", "   "}) {
                Verdict verdict = policy.evaluate(current, current, blank, "why", T0, ChangeLog.empty(1.0));
                assertRejectedFor(verdict, "updated_by", Rule.AUTHOR);
            }
        }

        @Test
        void acceptsAnAuthorOfExactlyTheLimitAndRejectsOneCharMore() {
            String longest = "a".repeat(Ceilings.MAX_AUTHOR_CHARS);

            assertAccepted(policy.evaluate(current, current, longest, "why", T0, ChangeLog.empty(1.0)));
            assertRejectedFor(policy.evaluate(current, current, longest + "a", "why", T0, ChangeLog.empty(1.0)),
                    "updated_by", Rule.AUTHOR);
        }
    }

    /** A field with a per-update rise limit: the value it starts from and the largest allowed rise. */
    enum StepField {
        MAX_POSITION_PCT(Field.MAX_POSITION_PCT, 1.0, Ceilings.MAX_POSITION_PCT_STEP),
        STOP_LOSS_PCT(Field.STOP_LOSS_PCT, 2.0, Ceilings.STOP_LOSS_PCT_STEP),
        MAX_LEVERAGE(Field.MAX_LEVERAGE, 1.0, Ceilings.MAX_LEVERAGE_STEP),
        DAILY_LOSS_LIMIT_PCT(Field.DAILY_LOSS_LIMIT_PCT, 3.0, Ceilings.DAILY_LOSS_LIMIT_PCT_STEP),
        SIZE_MULTIPLIER(Field.SIZE_MULTIPLIER, 0.5, Ceilings.SIZE_MULTIPLIER_STEP);

        final Field field;
        final double start;
        final double step;

        StepField(Field field, double start, double step) {
            this.field = field;
            this.start = start;
            this.step = step;
        }
    }

    @Nested
    class Steps {

        private Verdict raise(StepField f, double to) {
            Params from = f.field.set.apply(current, f.start);
            return policy.evaluate(from, f.field.set.apply(from, to), "claude", "step", T0,
                    ChangeLog.empty(from.maxPositionPct()));
        }

        @ParameterizedTest
        @EnumSource(StepField.class)
        void acceptsARiseOfExactlyTheStepLimit(StepField f) {
            Verdict verdict = raise(f, f.start + f.step);

            assertAccepted(verdict);
            assertThat(verdict.increasedFields()).containsExactly(f.field.wire);
        }

        @ParameterizedTest
        @EnumSource(StepField.class)
        void rejectsIncreaseBeyondStepLimit(StepField f) {
            Verdict verdict = raise(f, f.start + f.step + 0.0001);

            assertRejectedFor(verdict, f.field.wire, Rule.STEP);
            assertThat(verdict.violations().get(0).message())
                    .endsWith("exceeds the per-update limit of +" + Numbers.format(f.step));
        }

        @Test
        void comparesStepsInFourDecimalUnitsNotBinaryDoubles() {
            // 2.3 + 0.5 is not exactly 2.8 in binary; the rule must not depend on that.
            Params from = from(current).maxPositionPct(2.3).build();

            assertAccepted(policy.evaluate(from, from(from).maxPositionPct(2.8).build(), "claude", "step", T0,
                    ChangeLog.empty(2.3)));
        }

        @Test
        void measuresANewSymbolsMultiplierFromTheDefault() {
            Verdict atDefault = evaluate(from(current).symbol("XRPUSDT", true, 1.0).build());
            Verdict oneStepUp = evaluate(from(current).symbol("XRPUSDT", true, 1.5).build());

            assertAccepted(atDefault);
            assertThat(atDefault.increasedFields()).containsExactly("symbols.XRPUSDT.enabled");
            assertAccepted(oneStepUp);
            assertThat(oneStepUp.increasedFields())
                    .containsExactlyInAnyOrder("symbols.XRPUSDT.enabled", "symbols.XRPUSDT.size_multiplier");
            assertRejectedFor(evaluate(from(current).symbol("XRPUSDT", true, 1.5001).build()),
                    "symbols.XRPUSDT.size_multiplier", Rule.BOUNDS);
        }

        @Test
        void limitsTheLookbackToFiftyPercentEitherWay() {
            assertAccepted(evaluate(from(current).breakoutLookback(30).build()));
            assertAccepted(evaluate(from(current).breakoutLookback(10).build()));
            assertRejectedFor(evaluate(from(current).breakoutLookback(31).build()), "breakout_lookback", Rule.STEP);
            assertRejectedFor(evaluate(from(current).breakoutLookback(9).build()), "breakout_lookback", Rule.STEP);
        }

        @Test
        void letsTakeProfitMoveAnyDistanceWithinBounds() {
            Verdict verdict = evaluate(from(current).takeProfitPct(50.0).build());

            assertAccepted(verdict);
            assertThat(verdict.increase()).isFalse();
        }
    }

    @Nested
    class Decreases {

        private final Instant oneMinuteAfterTheLastOfEight = T0;
        private final ChangeLog eightIncreasesLastOneMinuteAgo = increasesAt(
                T0.minus(Duration.ofHours(20)), T0.minus(Duration.ofHours(18)), T0.minus(Duration.ofHours(16)),
                T0.minus(Duration.ofHours(14)), T0.minus(Duration.ofHours(12)), T0.minus(Duration.ofHours(10)),
                T0.minus(Duration.ofHours(8)), T0.minusSeconds(60));

        @Test
        void acceptsEveryDecreaseAtOnceDuringCooldownAndAfterEightIncreases() {
            Params allDown = from(current).maxPositionPct(0.1).stopLossPct(0.2).maxLeverage(1.0)
                    .dailyLossLimitPct(0.5).tradingMode(TradingMode.PAUSED).symbol("BTCUSDT", false, 0.0)
                    .withoutSymbol("ETHUSDT").build();

            Verdict verdict = evaluate(allDown, oneMinuteAfterTheLastOfEight, eightIncreasesLastOneMinuteAgo);

            assertAccepted(verdict);
            assertThat(verdict.increase()).isFalse();
            assertThat(verdict.params().sameValuesAs(allDown)).isTrue();
        }

        @Test
        void acceptsADecreaseFarLargerThanAnyStep() {
            Params high = from(current).maxPositionPct(5.0).stopLossPct(10.0).maxLeverage(3.0).build();

            Verdict verdict = policy.evaluate(high, current, "operator", "de-risk", T0,
                    increasesAt(T0.minusSeconds(1)));

            assertAccepted(verdict);
        }

        @Test
        void acceptsAnUnchangedProposalWithoutCountingItAsAnIncrease() {
            Verdict verdict = evaluate(current, oneMinuteAfterTheLastOfEight, eightIncreasesLastOneMinuteAgo);

            assertAccepted(verdict);
            assertThat(verdict.increase()).isFalse();
        }

        @Test
        void acceptsLookbackAndTakeProfitChangesDuringCooldown() {
            Verdict verdict = evaluate(from(current).breakoutLookback(25).takeProfitPct(6.0).build(),
                    oneMinuteAfterTheLastOfEight, eightIncreasesLastOneMinuteAgo);

            assertAccepted(verdict);
            assertThat(verdict.increase()).isFalse();
        }
    }

    @Nested
    class Cooldown {

        private final ChangeLog lastIncreaseAtT0 = increasesAt(T0);
        private final Params raised = from(current).maxPositionPct(1.5).build();

        @Test
        void rejectsAnIncreaseAt14Minutes59Seconds() {
            Verdict verdict = evaluate(raised, T0.plus(Duration.ofMinutes(14).plusSeconds(59)), lastIncreaseAtT0);

            assertRejectedFor(verdict, "max_position_pct", Rule.COOLDOWN);
            assertThat(verdict.violations().get(0).message()).contains("1 s to go");
        }

        @Test
        void rejectsAnIncreaseOneMillisecondBeforeCooldownEnds() {
            assertRejectedFor(evaluate(raised, T0.plus(Duration.ofMinutes(15).minusMillis(1)), lastIncreaseAtT0),
                    "max_position_pct", Rule.COOLDOWN);
        }

        @Test
        void acceptsIncreaseExactlyWhenCooldownEnds() {
            Verdict verdict = evaluate(raised, T0.plus(Ceilings.INCREASE_COOLDOWN), lastIncreaseAtT0);

            assertAccepted(verdict);
            assertThat(verdict.increase()).isTrue();
        }

        @Test
        void countsOnlyIncreasesNotLaterDecreases() {
            ChangeLog increaseThenDecrease = lastIncreaseAtT0.plus(
                    new ChangeLog.Entry(T0.plus(Duration.ofMinutes(10)), false, 0.5));

            assertRejectedFor(evaluate(raised, T0.plus(Duration.ofMinutes(14)), increaseThenDecrease),
                    "max_position_pct", Rule.COOLDOWN);
            assertAccepted(evaluate(raised, T0.plus(Duration.ofMinutes(15)), increaseThenDecrease));
        }

        @Test
        void rejectsEveryRaisedFieldOnceEach() {
            Params twoUp = from(current).maxPositionPct(1.5).stopLossPct(2.5).build();

            Verdict verdict = evaluate(twoUp, T0.plusSeconds(60), lastIncreaseAtT0);

            assertThat(verdict.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                    tuple("max_position_pct", Rule.COOLDOWN), tuple("stop_loss_pct", Rule.COOLDOWN));
        }

        @Test
        void countsEnablingASymbolAsAnIncrease() {
            Params enableSol = from(current).symbol("SOLUSDT", true, 0.0).build();

            assertRejectedFor(evaluate(enableSol, T0.plusSeconds(60), lastIncreaseAtT0), "symbols.SOLUSDT.enabled",
                    Rule.COOLDOWN);
            Verdict later = evaluate(enableSol, T0.plus(Ceilings.INCREASE_COOLDOWN), lastIncreaseAtT0);
            assertAccepted(later);
            assertThat(later.increasedFields()).containsExactly("symbols.SOLUSDT.enabled");
        }

        @Test
        void countsAddingAnEnabledSymbolAboveTheDefaultMultiplierAsTwoRaisedFields() {
            Verdict verdict = evaluate(from(current).symbol("XRPUSDT", true, 1.25).build());

            assertAccepted(verdict);
            assertThat(verdict.increasedFields())
                    .containsExactlyInAnyOrder("symbols.XRPUSDT.enabled", "symbols.XRPUSDT.size_multiplier");
        }

        @ParameterizedTest
        @EnumSource(value = TradingMode.class, names = {"PAUSED", "REDUCE_ONLY"})
        void countsMovingTradingModeTowardActiveAsAnIncrease(TradingMode from) {
            Params before = from(current).tradingMode(from).build();
            TradingMode up = TradingMode.values()[from.ordinal() + 1];

            Verdict verdict = policy.evaluate(before, from(before).tradingMode(up).build(), "claude", "resume",
                    T0.plusSeconds(60), lastIncreaseAtT0);

            assertRejectedFor(verdict, "trading_mode", Rule.COOLDOWN);
        }

        @Test
        void acceptsMovingTradingModeAwayFromActiveDuringCooldown() {
            Verdict verdict = evaluate(from(current).tradingMode(TradingMode.REDUCE_ONLY).build(),
                    T0.plusSeconds(60), lastIncreaseAtT0);

            assertAccepted(verdict);
            assertThat(verdict.increase()).isFalse();
        }
    }

    @Nested
    class DailyCount {

        private final Instant first = T0.minus(Duration.ofHours(23));
        private final ChangeLog eightInTheLastDay = increasesAt(first, T0.minus(Duration.ofHours(21)),
                T0.minus(Duration.ofHours(19)), T0.minus(Duration.ofHours(17)), T0.minus(Duration.ofHours(15)),
                T0.minus(Duration.ofHours(13)), T0.minus(Duration.ofHours(11)), T0.minus(Duration.ofHours(9)));
        private final Params raised = from(current).maxPositionPct(1.5).build();

        @Test
        void rejectsTheNinthIncreaseWithin24Hours() {
            Verdict verdict = evaluate(raised, T0, eightInTheLastDay);

            assertRejectedFor(verdict, "max_position_pct", Rule.DAILY_INCREASES);
            assertThat(verdict.violations().get(0).message()).startsWith("8 risk increases accepted in the last 24 h");
        }

        @Test
        void rejectsTheNinthIncreaseOneMillisecondBeforeTheFirstIs24HoursOld() {
            assertRejectedFor(evaluate(raised, first.plus(Ceilings.INCREASE_WINDOW).minusMillis(1),
                    eightInTheLastDay), "max_position_pct", Rule.DAILY_INCREASES);
        }

        @Test
        void acceptsTheNinthIncreaseWhenTheFirstIsExactly24HoursOld() {
            assertAccepted(evaluate(raised, first.plus(Ceilings.INCREASE_WINDOW), eightInTheLastDay));
        }

        @Test
        void acceptsAnEighthIncrease() {
            ChangeLog seven = new ChangeLog(1.0, eightInTheLastDay.entries().subList(1, 8));

            assertAccepted(evaluate(raised, T0, seven));
        }
    }

    @Nested
    class Drift {

        /** max_position_pct went 1.0 -> 1.5 -> 2.0 -> 2.5 -> 3.0, one step an hour, starting 20 h ago. */
        private final ChangeLog climbedFromOne = new ChangeLog(1.0, List.of(
                new ChangeLog.Entry(T0.minus(Duration.ofHours(20)), true, 1.5),
                new ChangeLog.Entry(T0.minus(Duration.ofHours(19)), true, 2.0),
                new ChangeLog.Entry(T0.minus(Duration.ofHours(18)), true, 2.5),
                new ChangeLog.Entry(T0.minus(Duration.ofHours(17)), true, 3.0)));
        private final Params atThree = from(current).maxPositionPct(3.0).build();
        private final Params toThreeAndAHalf = from(current).maxPositionPct(3.5).build();

        private Verdict raiseFromThree(Instant now, ChangeLog log) {
            return policy.evaluate(atThree, toThreeAndAHalf, "claude", "trend", now, log);
        }

        @Test
        void rejectsRisingMoreThanTwoPointsAboveTheLowestValueOfTheLastDay() {
            Verdict verdict = raiseFromThree(T0, climbedFromOne);

            assertRejectedFor(verdict, "max_position_pct", Rule.DRIFT);
            assertThat(verdict.violations().get(0).message())
                    .isEqualTo("3.5 is more than 2 points above 1, the lowest value in the last 24 h");
        }

        @Test
        void acceptsRisingToExactlyTwoPointsAboveTheLowest() {
            Params atTwoAndAHalf = from(current).maxPositionPct(2.5).build();
            ChangeLog log = new ChangeLog(1.0, climbedFromOne.entries().subList(0, 3));

            assertAccepted(policy.evaluate(atTwoAndAHalf, atThree, "claude", "trend", T0, log));
        }

        @Test
        void countsTheValueInEffectWhenTheWindowStarts() {
            Instant lowestLeavesWindow = T0.minus(Duration.ofHours(20)).plus(Ceilings.INCREASE_WINDOW);

            assertRejectedFor(raiseFromThree(lowestLeavesWindow.minusSeconds(1), climbedFromOne), "max_position_pct",
                    Rule.DRIFT);
            assertAccepted(raiseFromThree(lowestLeavesWindow, climbedFromOne));
        }

        @Test
        void countsADipInsideTheWindow() {
            ChangeLog dip = new ChangeLog(3.0, List.of(
                    new ChangeLog.Entry(T0.minus(Duration.ofHours(3)), false, 1.0),
                    new ChangeLog.Entry(T0.minus(Duration.ofHours(2)), true, 3.0)));

            assertRejectedFor(raiseFromThree(T0, dip), "max_position_pct", Rule.DRIFT);
        }

        @Test
        void ignoresLowValuesOlderThanTheWindow() {
            ChangeLog oldDip = new ChangeLog(0.5, List.of(
                    new ChangeLog.Entry(T0.minus(Duration.ofHours(30)), true, 3.0)));

            assertAccepted(raiseFromThree(T0, oldDip));
        }
    }

    @Nested
    class Verdicts {

        @Test
        void reportsOneViolationPerOffendingField() {
            Params threeBad = from(current).maxPositionPct(Double.NaN).stopLossPct(99.0).breakoutLookback(1000)
                    .build();

            Verdict verdict = evaluate(threeBad);

            assertThat(verdict.violations()).extracting(Violation::field, Violation::rule).containsExactlyInAnyOrder(
                    tuple("max_position_pct", Rule.NOT_FINITE), tuple("stop_loss_pct", Rule.BOUNDS),
                    tuple("breakout_lookback", Rule.BOUNDS));
        }

        @Test
        void reportsAFieldThatBreaksStepAndCooldownOnlyOnce() {
            Params bigRise = from(current).maxPositionPct(2.0).build();

            Verdict verdict = evaluate(bigRise, T0.plusSeconds(60), increasesAt(T0));

            assertRejectedFor(verdict, "max_position_pct", Rule.STEP);
        }

        @Test
        void reportsAuthorshipAndFieldViolationsTogether() {
            Verdict verdict = policy.evaluate(current, from(current).maxLeverage(3.5).build(), " ", "", T0,
                    ChangeLog.empty(1.0));

            assertThat(verdict.violations()).extracting(Violation::field)
                    .containsExactlyInAnyOrder("updated_by", "rationale", "max_leverage");
        }

        @Test
        void rejectedVerdictReturnsTheCurrentParamsUnchanged() {
            Verdict verdict = evaluate(from(current).maxPositionPct(9.0).build());

            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.params()).isSameAs(current);
        }

        @Test
        void acceptedVerdictIsStampedWithNextVersionAuthorRationaleAndTime() {
            Params candidate = from(current).maxPositionPct(1.5).version(999).updatedAt(Instant.EPOCH).build();
            Instant now = T0.plusSeconds(42);

            Verdict verdict = policy.evaluate(current, candidate, "  claude  ", "\n momentum is back \n", now,
                    ChangeLog.empty(1.0));

            assertAccepted(verdict);
            Params p = verdict.params();
            assertThat(p.version()).isEqualTo(current.version() + 1);
            assertThat(p.updatedBy()).isEqualTo("claude");
            assertThat(p.rationale()).isEqualTo("momentum is back");
            assertThat(p.updatedAt()).isEqualTo(now);
            assertThat(p.sameValuesAs(candidate)).isTrue();
            assertThat(verdict.increasedFields()).containsExactly("max_position_pct");
        }

        @Test
        void neverThrowsForAProposalFullOfGarbage() {
            Params garbage = from(current).maxPositionPct(Double.NaN).stopLossPct(Double.NEGATIVE_INFINITY)
                    .takeProfitPct(-0.0).breakoutLookback(Integer.MIN_VALUE).maxLeverage(Double.MAX_VALUE)
                    .dailyLossLimitPct(Double.MIN_VALUE).symbol("", true, Double.NaN).symbol("x", true, -1.0)
                    .build();

            Verdict verdict = policy.evaluate(current, garbage, null, null, T0, increasesAt(T0));

            assertThat(verdict.accepted()).isFalse();
            assertThat(verdict.violations()).extracting(Violation::field).doesNotHaveDuplicates().contains(
                    "updated_by", "rationale", "max_position_pct", "stop_loss_pct", "take_profit_pct",
                    "breakout_lookback", "max_leverage", "daily_loss_limit_pct", "symbols.", "symbols.x");
        }
    }
}
