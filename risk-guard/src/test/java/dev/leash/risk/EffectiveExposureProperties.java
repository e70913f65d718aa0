package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static dev.leash.risk.ParamsArbitraries.NOW;
import static dev.leash.risk.ParamsArbitraries.roll;
import static dev.leash.risk.ParamsArbitraries.uniform;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leash.risk.ParamsArbitraries.Delta;
import dev.leash.risk.ParamsArbitraries.Proposal;
import dev.leash.risk.ParamsArbitraries.SymbolEdit;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Effective exposure, {@code max_position_pct x size_multiplier} per symbol, restated here in exact decimals: no
 * accepted change raises it past the ceiling (whoever writes), no run of the model's changes raises it more than
 * 2 points above its lowest value of the last 24 h, and no order passing the pre-trade check takes a position past
 * it.
 */
class EffectiveExposureProperties {

    private static final BigDecimal CEILING = BigDecimal.valueOf(5);
    private static final BigDecimal DRIFT = BigDecimal.valueOf(2);
    private final ParamPolicy policy = new ParamPolicy(Limits.hard(ALLOWLIST));

    /** Effective exposure of an enabled symbol in exact decimals; null when the symbol does not trade. */
    static BigDecimal effective(Params p, String symbol) {
        SymbolParams s = p.symbols().get(symbol);
        if (s == null || !s.enabled()) {
            return null;
        }
        return BigDecimal.valueOf(p.maxPositionPct()).multiply(BigDecimal.valueOf(s.sizeMultiplier()));
    }

    /** The same, for the drift rule: a symbol absent counts at multiplier 1, a disabled one at its multiplier. */
    static BigDecimal exposureForDrift(Params p, String symbol) {
        SymbolParams s = p.symbols().get(symbol);
        double m = s == null ? 1.0 : s.sizeMultiplier();
        return BigDecimal.valueOf(p.maxPositionPct()).multiply(BigDecimal.valueOf(m));
    }

    @Provide
    Arbitrary<Params> current() {
        return ParamsArbitraries.validParams();
    }

    @Provide
    Arbitrary<Proposal> proposal() {
        return ParamsArbitraries.proposals();
    }

    @Provide
    Arbitrary<ChangeLog> log() {
        return ParamsArbitraries.changeLogs();
    }

    @Property(tries = 20_000, edgeCases = EdgeCasesMode.NONE)
    void noAcceptedChangeRaisesEffectiveExposurePastTheCeiling(@ForAll("current") Params current,
                                                               @ForAll("proposal") Proposal proposal,
                                                               @ForAll("log") ChangeLog log,
                                                               @ForAll Principal principal) {
        Verdict verdict = policy.evaluate(current, proposal.apply(current), "someone", principal, "why", NOW, log);
        if (!verdict.accepted()) {
            return;
        }
        for (String symbol : verdict.params().symbols().keySet()) {
            BigDecimal after = effective(verdict.params(), symbol);
            BigDecimal before = effective(current, symbol);
            if (after != null && (before == null || after.compareTo(before) > 0)) {
                assertThat(after).as("%s effective exposure after %s", symbol, principal)
                        .isLessThanOrEqualTo(CEILING);
            }
        }
    }

    /** One move of the model: how long after the previous one, and what it proposes. */
    record Move(Duration gap, Proposal proposal) {
    }

    @Provide
    Arbitrary<List<Move>> moves() {
        Arbitrary<Duration> gap = Combinators.combine(roll(), Arbitraries.longs().between(1, 180))
                .as((roll, minutes) -> roll < 50 ? Ceilings.INCREASE_COOLDOWN : Duration.ofMinutes(minutes));
        Arbitrary<Proposal> raise = Combinators.combine(roll(), Arbitraries.of(ParamsArbitraries.SYMBOLS.subList(0, 3)),
                        Arbitraries.longs().between(-5_000, 5_000), Arbitraries.longs().between(-5_000, 5_000))
                .as((roll, symbol, pos, mult) -> new Proposal(roll < 50 ? Delta.add(pos) : Delta.KEEP, Delta.KEEP,
                        Delta.KEEP, null, Delta.KEEP, Delta.KEEP, null,
                        roll >= 30 ? List.of(new SymbolEdit(symbol, false, roll < 95, Delta.add(mult))) : List.of(),
                        false));
        return Combinators.combine(gap, raise).as(Move::new).list().ofMinSize(1).ofMaxSize(40);
    }

    @Provide
    Arbitrary<Params> modest() {
        Arbitrary<Double> pos = Arbitraries.longs().between(1_000, 30_000).map(u -> u / 10_000.0);
        Arbitrary<Double> mult = Arbitraries.longs().between(0, 15_000).map(u -> u / 10_000.0);
        return Combinators.combine(pos, mult.list().ofSize(3)).as((p, ms) -> {
            Map<String, SymbolParams> symbols = new TreeMap<>();
            for (int i = 0; i < 3; i++) {
                symbols.put(ParamsArbitraries.SYMBOLS.get(i), new SymbolParams(true, ms.get(i)));
            }
            return Fixtures.from(Fixtures.base()).maxPositionPct(p).symbols(symbols)
                    .updatedAt(NOW.minus(Duration.ofDays(2))).build();
        }).filter(p -> policy.validate(p).isEmpty());
    }

    @Property(tries = 3_000, edgeCases = EdgeCasesMode.NONE)
    void theModelNeverDriftsEffectiveExposureMoreThanTwoPointsInADay(@ForAll("modest") Params start,
                                                                     @ForAll("moves") List<Move> moves) {
        List<Params> history = new ArrayList<>(List.of(start));
        Instant now = NOW;
        Params current = start;
        for (Move move : moves) {
            now = now.plus(move.gap());
            Verdict verdict = policy.evaluate(current, move.proposal().apply(current), "claude", Principal.MODEL,
                    "step", now, ChangeLog.of(history));
            if (!verdict.accepted()) {
                continue;
            }
            Params next = verdict.params();
            for (String symbol : next.symbols().keySet()) {
                BigDecimal after = exposureForDrift(next, symbol);
                if (next.isEnabled(symbol) && after.compareTo(exposureForDrift(current, symbol)) > 0) {
                    BigDecimal lowest = lowestInTheDayBefore(history, symbol, now);
                    assertThat(after.subtract(lowest)).as("%s drift at %s", symbol, now)
                            .isLessThanOrEqualTo(DRIFT);
                }
            }
            history.add(next);
            current = next;
        }
    }

    /** The lowest exposure of {@code symbol} in effect at any instant of the 24 h before {@code now}. */
    private static BigDecimal lowestInTheDayBefore(List<Params> history, String symbol, Instant now) {
        Instant from = now.minus(Duration.ofHours(24));
        BigDecimal lowest = null;
        for (int i = 0; i < history.size(); i++) {
            Instant until = i + 1 < history.size() ? history.get(i + 1).updatedAt() : now;
            if (until.isAfter(from) || i + 1 == history.size()) {
                BigDecimal e = exposureForDrift(history.get(i), symbol);
                lowest = lowest == null || e.compareTo(lowest) < 0 ? e : lowest;
            }
        }
        return lowest;
    }

    @Provide
    Arbitrary<Double> multiplier() {
        return Combinators.combine(roll(), uniform(0, 1.5), Arbitraries.of(0.0, 0.25, 0.5, 1.0, 1.5))
                .as((roll, any, edge) -> roll < 70 ? any : edge);
    }

    @Property(tries = 20_000, edgeCases = EdgeCasesMode.NONE)
    void noOrderTakesAPositionPastItsEffectiveExposure(@ForAll("multiplier") double multiplier,
                                                       @ForAll("share") double pct,
                                                       @ForAll("share") double held,
                                                       @ForAll("share") double order) {
        Params p = Fixtures.from(Fixtures.base()).maxPositionPct(pct).symbol("BTCUSDT", true, multiplier).build();
        Limits limits = Limits.hard(ALLOWLIST);
        RiskParams compiled = RiskParams.compile(p, List.of("BTCUSDT"), limits);
        double equity = 100_000;
        double price = 50_000;
        FakeAccount account = FakeAccount.flat(equity, price);
        account.position(0, equity * held / 100 / price);

        OrderReject reject = new PreTradeCheck(limits, 1).check(0, equity * order / 100 / price, price,
                TradingState.ACTIVE, compiled, account, 0L);

        if (reject == OrderReject.NONE) {
            double effectivePct = Math.min(limits.maxPositionPct().clamp(pct) * multiplier, 5.0);
            assertThat((held + order) * (1 - 1e-9)).as("position, percent of equity").isLessThanOrEqualTo(effectivePct);
        }
    }

    @Provide
    Arbitrary<Double> share() {
        return uniform(0.1, 5.0);
    }
}
