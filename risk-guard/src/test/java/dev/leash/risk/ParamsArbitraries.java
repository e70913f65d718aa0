package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;

/**
 * Generators of valid parameters, adversarial proposals against them, and change logs.
 *
 * <p>Weighted choices are made from a generated percentile ({@code roll}) inside {@code Combinators.combine}
 * rather than with {@code Arbitraries.frequencyOf}, which flat-maps and made 100,000 tries take minutes.
 */
final class ParamsArbitraries {

    static final List<String> SYMBOLS = List.copyOf(new TreeSet<>(ALLOWLIST));
    static final Instant NOW = Fixtures.T0;

    private static final String[] BAD_SYMBOLS = {"", "B", "btcusdt", "BtcUsdt", "PEPEUSDT", "BTC-PERP", "BTC USDT",
        "BTCUSDT ", "ABCDEFGHIJKLMNOPQRSTU", "BTC/USDT", "\u00c4BC"};

    private ParamsArbitraries() {
    }

    static Arbitrary<Integer> roll() {
        return Arbitraries.integers().between(0, 99);
    }

    /**
     * Any double in {@code [lo, hi)}, with full binary precision; cheaper than {@code Arbitraries.doubles()},
     * which generates through BigDecimal.
     */
    static Arbitrary<Double> uniform(double lo, double hi) {
        return Arbitraries.longs().between(0, (1L << 53) - 1).withDistribution(RandomDistribution.uniform())
                .map(u -> lo + (hi - lo) * (u / 0x1p53));
    }

    private static Arbitrary<Double> grid(Range r) {
        return Arbitraries.longs().between(Numbers.units(r.floor()), Numbers.units(r.ceiling()))
                .withDistribution(RandomDistribution.uniform()).map(u -> u / 10_000.0);
    }

    /** A parameter set that satisfies the hard limits. */
    static Arbitrary<Params> validParams() {
        Arbitrary<SortedMap<String, SymbolParams>> symbols = Combinators.combine(
                Arbitraries.integers().between(0, 2).list().ofSize(SYMBOLS.size()),
                grid(Ceilings.SIZE_MULTIPLIER).list().ofSize(SYMBOLS.size()))
                .as((slots, multipliers) -> {
                    SortedMap<String, SymbolParams> out = new TreeMap<>();
                    int enabled = 0;
                    for (int i = 0; i < SYMBOLS.size(); i++) {
                        if (slots.get(i) > 0) {
                            boolean on = slots.get(i) == 2 && enabled < Ceilings.MAX_ENABLED_SYMBOLS;
                            enabled += on ? 1 : 0;
                            out.put(SYMBOLS.get(i), new SymbolParams(on, multipliers.get(i)));
                        }
                    }
                    return out;
                });
        Arbitrary<Double> takeProfit = Combinators.combine(roll(), grid(Ceilings.TAKE_PROFIT_PCT))
                .as((roll, tp) -> roll < 20 ? null : tp);
        return Combinators.combine(grid(Ceilings.MAX_POSITION_PCT), grid(Ceilings.STOP_LOSS_PCT), takeProfit,
                        Arbitraries.integers().between(5, 200), grid(Ceilings.MAX_LEVERAGE),
                        grid(Ceilings.DAILY_LOSS_LIMIT_PCT), Arbitraries.of(TradingMode.class), symbols)
                .as((pos, stop, tp, lookback, lev, loss, mode, syms) -> new Params(41, pos, stop, tp, lookback, lev,
                        loss, mode, syms, "seed", "start", NOW.minus(Duration.ofDays(2))));
    }

    /**
     * A parameter set that satisfies every rule of {@link ParamPolicy#validate}, the effective-exposure ceiling
     * included: {@link #validParams()} with each multiplier lowered just enough.
     */
    static Arbitrary<Params> validWithinEffectiveCeiling() {
        return validParams().map(ParamsArbitraries::withinEffectiveCeiling);
    }

    private static Params withinEffectiveCeiling(Params p) {
        long ceiling = Numbers.effectiveUnits(Ceilings.MAX_POSITION_PCT.ceiling(), 1.0);
        long pct = Numbers.units(p.maxPositionPct());
        SortedMap<String, SymbolParams> symbols = new TreeMap<>();
        p.symbols().forEach((symbol, sp) -> {
            long multiplier = Math.min(Numbers.units(sp.sizeMultiplier()), ceiling / pct);
            symbols.put(symbol, new SymbolParams(sp.enabled(), multiplier / 10_000.0));
        });
        return new Params(p.version(), p.maxPositionPct(), p.stopLossPct(), p.takeProfitPct(), p.breakoutLookback(),
                p.maxLeverage(), p.dailyLossLimitPct(), p.tradingMode(), symbols, p.updatedBy(), p.rationale(),
                p.updatedAt());
    }

    /** How a proposal changes one numeric field. */
    record Delta(Kind kind, double value) {
        enum Kind { KEEP, ADD_UNITS, SET }

        static final Delta KEEP = new Delta(Kind.KEEP, 0);

        static Delta add(long units) {
            return new Delta(Kind.ADD_UNITS, units);
        }

        double apply(double current) {
            return switch (kind) {
                case KEEP -> current;
                case ADD_UNITS -> (Numbers.units(current) + (long) value) / 10_000.0;
                case SET -> value;
            };
        }

        @Override
        public String toString() {
            return kind == Kind.KEEP ? "keep" : kind == Kind.ADD_UNITS ? "+" + (long) value + "u" : "=" + value;
        }
    }

    /** Values chosen to break a field of the given range and step in every way a double can. */
    static Arbitrary<Double> adversarial(Range r, double step) {
        double[] fixed = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e300, -1e300,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, 1e12, 1e13, r.ceiling() + 0.0001,
            r.floor() - 0.0001, r.ceiling() + 1e-9, r.floor() - 1e-9, r.ceiling() + 1e-11, Math.nextUp(r.ceiling()),
            Math.nextDown(r.floor()), r.floor() + 0.00001234, r.floor() + step + 0.00005, r.ceiling() - 0.00001};
        return Combinators.combine(roll(), Arbitraries.integers().between(0, fixed.length - 1),
                        uniform(r.floor(), r.ceiling()),
                        Arbitraries.longs().between(Numbers.units(r.floor() - 1) * 10, Numbers.units(r.ceiling() + 1) * 10)
                                .map(u -> u / 100_000.0),
                        grid(r))
                .as((roll, i, raw, fiveDecimals, onGrid) -> {
                    if (roll < 40) {
                        return fixed[i];
                    } else if (roll < 60) {
                        return raw;
                    } else if (roll < 80) {
                        return fiveDecimals;
                    } else if (roll < 90) {
                        return onGrid + 1e-11; // binary noise: still four decimals
                    }
                    return onGrid + 3e-7;
                });
    }

    static Arbitrary<Delta> delta(Range r, double step) {
        long stepUnits = Numbers.units(step);
        long[] edges = {stepUnits, stepUnits + 1, stepUnits - 1, 1, -1};
        return Combinators.combine(roll(), Arbitraries.longs().between(-3 * stepUnits, 3 * stepUnits / 2),
                        Arbitraries.integers().between(0, edges.length - 1), grid(r), adversarial(r, step))
                .as((roll, units, edge, onGrid, bad) -> {
                    if (roll < 40) {
                        return Delta.KEEP;
                    } else if (roll < 65) {
                        return Delta.add(units);
                    } else if (roll < 75) {
                        return Delta.add(edges[edge]);
                    } else if (roll < 85) {
                        return new Delta(Delta.Kind.SET, onGrid);
                    }
                    return new Delta(Delta.Kind.SET, bad);
                });
    }

    /** One edit of the symbol map: remove the symbol, or put it with a flag and a multiplier change. */
    record SymbolEdit(String symbol, boolean remove, boolean enabled, Delta multiplier) {
    }

    static Arbitrary<String> symbolName() {
        return Combinators.combine(roll(), Arbitraries.of(SYMBOLS), Arbitraries.of(BAD_SYMBOLS))
                .as((roll, good, bad) -> roll < 85 ? good : bad);
    }

    static Arbitrary<List<SymbolEdit>> symbolEdits() {
        Arbitrary<SymbolEdit> edit = Combinators.combine(symbolName(), Arbitraries.integers().between(0, 9),
                        Arbitraries.of(true, false), delta(Ceilings.SIZE_MULTIPLIER, Ceilings.SIZE_MULTIPLIER_STEP))
                .as((s, roll, on, d) -> new SymbolEdit(s, roll == 0, on, d));
        return edit.list().ofMaxSize(4);
    }

    /** A whole proposal relative to whatever the current parameters are; a null mode keeps the mode. */
    record Proposal(Delta maxPosition, Delta stopLoss, Delta takeProfit, Integer lookback, Delta leverage,
                    Delta dailyLoss, TradingMode mode, List<SymbolEdit> symbols, boolean enableAll) {

        static Proposal maxPosition(Delta d) {
            return new Proposal(d, Delta.KEEP, Delta.KEEP, null, Delta.KEEP, Delta.KEEP, null, List.of(), false);
        }

        Params apply(Params cur) {
            Fixtures.P p = Fixtures.from(cur)
                    .maxPositionPct(maxPosition.apply(cur.maxPositionPct()))
                    .stopLossPct(stopLoss.apply(cur.stopLossPct()))
                    .breakoutLookback(lookback == null ? cur.breakoutLookback() : lookback)
                    .maxLeverage(leverage.apply(cur.maxLeverage()))
                    .dailyLossLimitPct(dailyLoss.apply(cur.dailyLossLimitPct()));
            if (takeProfit.kind() != Delta.Kind.KEEP) {
                boolean off = takeProfit.kind() == Delta.Kind.ADD_UNITS && takeProfit.value() < 0
                        && cur.takeProfitPct() != null;
                p.takeProfitPct(off ? null
                        : takeProfit.apply(cur.takeProfitPct() == null ? 4.0 : cur.takeProfitPct()));
            }
            if (mode != null) {
                p.tradingMode(mode);
            }
            for (SymbolEdit e : symbols) {
                if (e.remove()) {
                    p.withoutSymbol(e.symbol());
                } else {
                    SymbolParams was = cur.symbols().get(e.symbol());
                    p.symbol(e.symbol(), e.enabled(),
                            e.multiplier().apply(was == null ? 0.0 : was.sizeMultiplier()));
                }
            }
            if (enableAll) {
                for (String s : SYMBOLS) {
                    SymbolParams was = cur.symbols().get(s);
                    p.symbol(s, true, was == null ? 0.0 : was.sizeMultiplier());
                }
            }
            return p.build();
        }
    }

    /** A new lookback, or null to keep it. */
    static Arbitrary<Integer> lookback() {
        int[] edges = {0, -1, 4, 5, 200, 201, Integer.MAX_VALUE, Integer.MIN_VALUE};
        return Combinators.combine(roll(), Arbitraries.integers().between(3, 210),
                        Arbitraries.integers().between(0, edges.length - 1))
                .as((roll, any, edge) -> roll < 60 ? null : roll < 85 ? Integer.valueOf(any) : edges[edge]);
    }

    static Arbitrary<Proposal> proposals() {
        Arbitrary<TradingMode> mode = Combinators.combine(roll(), Arbitraries.of(TradingMode.class))
                .as((roll, m) -> roll < 70 ? null : m);
        Arbitrary<Delta> tp = delta(Ceilings.TAKE_PROFIT_PCT, 5.0);
        Arbitrary<Boolean> enableAll = roll().map(roll -> roll < 5);
        return Combinators.combine(
                        delta(Ceilings.MAX_POSITION_PCT, Ceilings.MAX_POSITION_PCT_STEP),
                        delta(Ceilings.STOP_LOSS_PCT, Ceilings.STOP_LOSS_PCT_STEP),
                        tp, lookback(),
                        delta(Ceilings.MAX_LEVERAGE, Ceilings.MAX_LEVERAGE_STEP),
                        delta(Ceilings.DAILY_LOSS_LIMIT_PCT, Ceilings.DAILY_LOSS_LIMIT_PCT_STEP),
                        mode, Combinators.combine(symbolEdits(), enableAll).as(SymbolsChange::new))
                .as((pos, stop, tpd, lb, lev, loss, m, syms) -> new Proposal(pos, stop, tpd, lb, lev, loss, m,
                        syms.edits(), syms.enableAll()));
    }

    private record SymbolsChange(List<SymbolEdit> edits, boolean enableAll) {
    }

    /** Offsets before {@link #NOW} that sit on and next to the cooldown and window edges. */
    static Arbitrary<Duration> ageBeforeNow() {
        Duration cooldown = Ceilings.INCREASE_COOLDOWN;
        Duration window = Ceilings.INCREASE_WINDOW;
        Duration[] edges = {cooldown, cooldown.minusMillis(1), cooldown.plusMillis(1), window, window.minusMillis(1),
            window.plusMillis(1), Duration.ZERO};
        return Combinators.combine(roll(), Arbitraries.integers().between(0, edges.length - 1),
                        Arbitraries.longs().between(0, cooldown.toMillis() * 2),
                        Arbitraries.longs().between(0, window.toMillis() + window.toMillis() / 4))
                .as((roll, edge, near, far) -> roll < 10 ? edges[edge]
                        : Duration.ofMillis(roll < 15 ? near : far));
    }

    /** Change logs from empty to more than a day's worth of increases, at and around every edge. */
    static Arbitrary<ChangeLog> changeLogs() {
        Arbitrary<ChangeLog.Entry> entry = Combinators.combine(ageBeforeNow(), Arbitraries.integers().between(0, 2),
                        grid(Ceilings.MAX_POSITION_PCT))
                .as((age, roll, pos) -> new ChangeLog.Entry(NOW.minus(age), roll > 0, pos));
        return Combinators.combine(roll(), grid(Ceilings.MAX_POSITION_PCT), entry.list().ofMaxSize(12))
                .as((roll, baseline, entries) -> new ChangeLog(baseline, roll < 25 ? List.of() : entries));
    }

    private static Arbitrary<String> oneIn20(String[] good, String[] bad) {
        return Combinators.combine(roll(), Arbitraries.integers().between(0, good.length - 1),
                        Arbitraries.integers().between(0, bad.length - 1))
                .as((roll, g, b) -> roll < 95 ? good[g] : bad[b]);
    }

    static Arbitrary<String> authors() {
        return oneIn20(new String[] {"claude", " claude-opus ", "operator"},
                new String[] {null, "", "  ", "a".repeat(Ceilings.MAX_AUTHOR_CHARS + 1)});
    }

    static Arbitrary<String> rationales() {
        return oneIn20(new String[] {"trend is clean", "funding flipped\n", "r".repeat(Ceilings.MAX_RATIONALE_CHARS)},
                new String[] {null, "", "\t\n", "r".repeat(Ceilings.MAX_RATIONALE_CHARS + 1)});
    }
}
