package dev.leash.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides whether a proposed parameter version may replace the current one.
 *
 * <p>Risk goes down at once and up only slowly: every field must lie inside the {@link Limits}; a change that
 * raises risk must stay within the per-update steps, wait out the cooldown since the last accepted increase, fit
 * in the rolling daily count, and keep {@code max_position_pct} and each symbol's effective exposure
 * ({@code max_position_pct x size_multiplier}, also held to the ceiling) within the drift cap. The {@link Principal}
 * of a write decides which rules bind it. Rejections are values, one {@link Violation} per offending field; this
 * class never throws for a bad proposal. Time is an argument.
 */
public final class ParamPolicy {

    /** Why a strategy change by anyone but the operator is refused. */
    public static final String STRATEGY_BY_PROPOSAL = "strategy changes go through propose_strategy";

    private final Limits limits;

    public ParamPolicy(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Evaluates {@code candidate} (a whole parameter set; its version, author and time are ignored) against
     * {@code current} as a write of the {@link Principal#MODEL}: every rule applies.
     *
     * @return accepted with {@code candidate} stamped as version {@code current.version() + 1}, or rejected
     */
    public Verdict evaluate(Params current, Params candidate, String author, String rationale, Instant now,
                            ChangeLog log) {
        return evaluate(current, candidate, author, Principal.MODEL, rationale, now, log);
    }

    /**
     * Evaluates {@code candidate} against {@code current} as a write of {@code principal}: the limits bind everyone;
     * the slow-rise rules (steps, cooldown, daily count, drift cap) bind all but the operator; the system may only
     * lower risk.
     *
     * @return accepted with {@code candidate} stamped as version {@code current.version() + 1}, or rejected
     */
    public Verdict evaluate(Params current, Params candidate, String author, Principal principal, String rationale,
                            Instant now, ChangeLog log) {
        Map<String, Violation> byField = new LinkedHashMap<>();
        checkAuthorship(author, rationale, byField);
        for (Violation v : validate(candidate, current)) {
            byField.putIfAbsent(v.field(), v);
        }
        if (principal != Principal.OPERATOR && !java.util.Objects.equals(current.strategy(), candidate.strategy())) {
            byField.putIfAbsent(StrategyBlock.STRATEGY, new Violation(StrategyBlock.STRATEGY, Rule.PRINCIPAL,
                    STRATEGY_BY_PROPOSAL));
        }
        Set<String> raised = RiskIncrease.fields(current, candidate);
        if (principal == Principal.SYSTEM) {
            for (String field : raised) {
                byField.putIfAbsent(field, new Violation(field, Rule.PRINCIPAL,
                        "an automatic action may only lower risk"));
            }
        }
        if (principal.slowRise()) {
            checkSteps(current, candidate, byField);
            if (!raised.isEmpty()) {
                checkIncreaseRules(current, candidate, raised, now, log, byField);
            }
        }
        if (!byField.isEmpty()) {
            return new Verdict(current, new ArrayList<>(byField.values()), raised);
        }
        return new Verdict(candidate.stamped(current.version() + 1, author.strip(), rationale.strip(), now),
                List.of(), raised);
    }

    /**
     * Checks a whole parameter set against the limits alone (finite values, precision, bounds, allowlist, symbol
     * count, effective exposure): what an operator's rollback or reset must satisfy, and what the inner loop
     * assumes.
     */
    public List<Violation> validate(Params p) {
        return validate(p, null);
    }

    /**
     * The limits for {@code p} replacing {@code before} (null: for {@code p} alone). An effective exposure above the
     * ceiling is a violation only where it rose, so a change that lowers risk is never refused for it.
     */
    private List<Violation> validate(Params p, Params before) {
        List<Violation> out = new ArrayList<>();
        for (ParamField f : ParamField.inScope(ParamField.Scope.GLOBAL)) {
            boolean off = f.type() == ParamField.Type.OPTIONAL_NUMBER && p.takeProfitPct() == null;
            if (f.ranged() && !off) {
                checkNumber(f.wireName(), f.number(p), limits.range(f), out);
            }
        }
        int enabled = 0;
        for (Map.Entry<String, SymbolParams> e : p.symbols().entrySet()) {
            String symbol = e.getKey();
            String field = ParamField.SYMBOLS + "." + symbol;
            if (!Symbols.isWellFormed(symbol)) {
                out.add(new Violation(field, Rule.INVALID, "'" + symbol + "' is not a symbol"));
                continue;
            }
            if (!limits.allowlist().contains(symbol)) {
                out.add(new Violation(field, Rule.ALLOWLIST, symbol + " is not on the operator's allowlist "
                        + limits.allowlist()));
                continue;
            }
            checkNumber(ParamField.SIZE_MULTIPLIER.of(symbol), e.getValue().sizeMultiplier(), limits.sizeMultiplier(),
                    out);
            if (e.getValue().enabled()) {
                enabled++;
            }
        }
        if (enabled > limits.maxEnabledSymbols()) {
            out.add(new Violation("symbols", Rule.SYMBOL_COUNT, enabled + " symbols enabled; at most "
                    + limits.maxEnabledSymbols() + " may be"));
        }
        checkEffectiveCeiling(p, before, out);
        if (p.strategy() != null) {
            out.addAll(StrategyRules.validate(p.strategy(), limits));
        }
        return out;
    }

    /** Per enabled symbol, {@code max_position_pct x size_multiplier} may not exceed the max position ceiling. */
    private void checkEffectiveCeiling(Params p, Params before, List<Violation> out) {
        if (hasViolation(out, ParamField.MAX_POSITION_PCT.wireName())) {
            return;
        }
        long ceiling = Numbers.effectiveUnits(limits.maxPositionPct().ceiling(), 1.0);
        for (Map.Entry<String, SymbolParams> e : p.symbols().entrySet()) {
            String symbol = e.getKey();
            if (!e.getValue().enabled() || hasViolation(out, ParamField.SYMBOLS + "." + symbol)
                    || hasViolation(out, ParamField.SIZE_MULTIPLIER.of(symbol))) {
                continue;
            }
            double multiplier = e.getValue().sizeMultiplier();
            long effective = Numbers.effectiveUnits(p.maxPositionPct(), multiplier);
            if (effective <= ceiling || (before != null && !EffectiveExposure.rose(before, p, symbol))) {
                continue;
            }
            String field = EffectiveExposure.blamedField(before, p, symbol);
            if (!hasViolation(out, field)) {
                out.add(new Violation(field, Rule.BOUNDS, "effective exposure of " + symbol + ", "
                        + ParamField.MAX_POSITION_PCT.wireName() + " " + Numbers.format(p.maxPositionPct()) + " x "
                        + ParamField.SIZE_MULTIPLIER.wireName() + " " + Numbers.format(multiplier)
                        + " = " + EffectiveExposure.format(effective) + " % of equity, is above the ceiling of "
                        + Numbers.format(limits.maxPositionPct().ceiling()) + " %"));
            }
        }
    }

    /** The author and rationale rules alone: what every write needs, whatever it changes. */
    public static List<Violation> authorship(String author, String rationale) {
        Map<String, Violation> out = new LinkedHashMap<>();
        checkAuthorship(author, rationale, out);
        return new ArrayList<>(out.values());
    }

    private static void checkAuthorship(String author, String rationale, Map<String, Violation> out) {
        if (author == null || author.isBlank()) {
            out.put("updated_by", new Violation("updated_by", Rule.AUTHOR, "an author is required"));
        } else if (author.length() > Ceilings.MAX_AUTHOR_CHARS) {
            out.put("updated_by", new Violation("updated_by", Rule.AUTHOR, "longer than "
                    + Ceilings.MAX_AUTHOR_CHARS + " characters"));
        }
        if (rationale == null || rationale.isBlank()) {
            out.put("rationale", new Violation("rationale", Rule.RATIONALE,
                    "a non-empty rationale is required for every change"));
        } else if (rationale.length() > Ceilings.MAX_RATIONALE_CHARS) {
            out.put("rationale", new Violation("rationale", Rule.RATIONALE, "longer than "
                    + Ceilings.MAX_RATIONALE_CHARS + " characters"));
        }
    }

    private static void checkNumber(String field, double value, Range range, List<Violation> out) {
        if (!Double.isFinite(value)) {
            out.add(new Violation(field, Rule.NOT_FINITE, "must be a finite number, got " + value));
        } else if (!range.contains(value)) {
            out.add(new Violation(field, Rule.BOUNDS, Numbers.format(value) + " is outside " + range));
        } else if (!Numbers.hasAllowedPrecision(value)) {
            out.add(new Violation(field, Rule.PRECISION, Numbers.format(value) + " has more than "
                    + Numbers.DECIMALS + " decimal places"));
        }
    }

    private static void checkSteps(Params cur, Params cand, Map<String, Violation> out) {
        for (ParamField f : ParamField.inScope(ParamField.Scope.GLOBAL)) {
            if (!f.step().none() && !f.step().fraction()) {
                checkRise(out, f.wireName(), f.number(cur), f.number(cand), f.step().amount());
            }
        }
        for (Map.Entry<String, SymbolParams> e : cand.symbols().entrySet()) {
            SymbolParams was = cur.symbols().get(e.getKey());
            double before = was == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : was.sizeMultiplier();
            checkRise(out, ParamField.SIZE_MULTIPLIER.of(e.getKey()), before, e.getValue().sizeMultiplier(),
                    ParamField.SIZE_MULTIPLIER.step().amount());
        }
        ParamField lookback = ParamField.BREAKOUT_LOOKBACK;
        long before = cur.breakoutLookback();
        long after = cand.breakoutLookback();
        // |after - before| <= the step fraction of before (exact in doubles for these small integers).
        if (!out.containsKey(lookback.wireName()) && Math.abs(after - before) > lookback.step().amount() * before) {
            out.put(lookback.wireName(), new Violation(lookback.wireName(), Rule.STEP, "change from " + before
                    + " to " + after + " bars exceeds the per-update limit of " + lookback.step().text()));
        }
    }

    private static void checkRise(Map<String, Violation> out, String field, double before, double after,
                                  double maxStep) {
        if (out.containsKey(field) || !(after > before)) {
            return;
        }
        if (Numbers.units(after) - Numbers.units(before) > Numbers.units(maxStep)) {
            out.put(field, new Violation(field, Rule.STEP, "rise from " + Numbers.format(before) + " to "
                    + Numbers.format(after) + " exceeds the per-update limit of +" + Numbers.format(maxStep)));
        }
    }

    private static void checkIncreaseRules(Params cur, Params cand, Set<String> raised, Instant now, ChangeLog log,
                                           Map<String, Violation> out) {
        String maxPosition = ParamField.MAX_POSITION_PCT.wireName();
        if (raised.contains(maxPosition)) {
            Instant windowStart = now.minus(Ceilings.INCREASE_WINDOW);
            double lowest = log.lowestMaxPositionPctSince(windowStart, cur.maxPositionPct());
            if (Numbers.units(cand.maxPositionPct()) - Numbers.units(lowest)
                    > Numbers.units(Ceilings.MAX_POSITION_PCT_DRIFT)) {
                out.putIfAbsent(maxPosition, new Violation(maxPosition, Rule.DRIFT,
                        Numbers.format(cand.maxPositionPct()) + " is more than "
                                + Numbers.format(Ceilings.MAX_POSITION_PCT_DRIFT) + " points above "
                                + Numbers.format(lowest) + ", the lowest value in the last 24 h"));
            }
        }
        checkEffectiveDrift(cur, cand, now, log, out);
        Instant last = log.lastIncrease();
        if (last != null && Duration.between(last, now).compareTo(Ceilings.INCREASE_COOLDOWN) < 0) {
            Duration wait = Ceilings.INCREASE_COOLDOWN.minus(Duration.between(last, now));
            for (String field : raised) {
                out.putIfAbsent(field, new Violation(field, Rule.COOLDOWN, "raises risk "
                        + describe(Duration.between(last, now)) + " after the last accepted increase at " + last
                        + "; increases need " + describe(Ceilings.INCREASE_COOLDOWN) + ", " + describe(wait)
                        + " to go"));
            }
        }
        int recent = log.increasesBetween(now.minus(Ceilings.INCREASE_WINDOW), now);
        if (recent >= Ceilings.MAX_INCREASES_PER_WINDOW) {
            for (String field : raised) {
                out.putIfAbsent(field, new Violation(field, Rule.DAILY_INCREASES, recent
                        + " risk increases accepted in the last 24 h; at most "
                        + Ceilings.MAX_INCREASES_PER_WINDOW + " are allowed"));
            }
        }
    }

    private static boolean hasViolation(List<Violation> out, String field) {
        return out.stream().anyMatch(v -> v.field().equals(field));
    }

    /** Per symbol whose effective exposure rose: at most the drift cap above its lowest value of the window. */
    private static void checkEffectiveDrift(Params cur, Params cand, Instant now, ChangeLog log,
                                            Map<String, Violation> out) {
        Instant windowStart = now.minus(Ceilings.INCREASE_WINDOW);
        long drift = Numbers.effectiveUnits(Ceilings.MAX_POSITION_PCT_DRIFT, 1.0);
        for (Map.Entry<String, SymbolParams> e : cand.symbols().entrySet()) {
            String symbol = e.getKey();
            if (!EffectiveExposure.rose(cur, cand, symbol)) {
                continue;
            }
            long after = EffectiveExposure.units(cand, symbol);
            long lowest = log.lowestEffectiveUnitsSince(symbol, windowStart, EffectiveExposure.units(cur, symbol));
            if (after - lowest > drift) {
                String field = EffectiveExposure.blamedField(cur, cand, symbol);
                out.putIfAbsent(field, new Violation(field, Rule.DRIFT, "effective exposure of " + symbol
                        + " (" + ParamField.MAX_POSITION_PCT.wireName() + " x " + ParamField.SIZE_MULTIPLIER.wireName()
                        + ") " + EffectiveExposure.format(after)
                        + " % is more than " + Numbers.format(Ceilings.MAX_POSITION_PCT_DRIFT) + " points above "
                        + EffectiveExposure.format(lowest) + " %, its lowest value in the last 24 h"));
            }
        }
    }

    private static String describe(Duration d) {
        long seconds = Math.max(0, d.getSeconds());
        if (seconds >= 120) {
            return (seconds / 60) + " min";
        }
        return seconds + " s";
    }
}
