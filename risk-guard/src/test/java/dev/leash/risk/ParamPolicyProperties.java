package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static dev.leash.risk.ParamsArbitraries.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.leash.risk.ParamsArbitraries.Delta;
import dev.leash.risk.ParamsArbitraries.Proposal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * Whatever is proposed, an accepted version obeys every parameter rule; checked against {@link Oracle}, which
 * restates the rules without using the policy's own code.
 */
class ParamPolicyProperties {

    private final ParamPolicy policy = new ParamPolicy(Limits.hard(ALLOWLIST));

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

    @Provide
    Arbitrary<String> author() {
        return ParamsArbitraries.authors();
    }

    @Provide
    Arbitrary<String> rationale() {
        return ParamsArbitraries.rationales();
    }

    @Property(tries = 30_000, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void anAcceptedProposalObeysEveryRule(@ForAll("current") Params current, @ForAll("proposal") Proposal proposal,
                                          @ForAll("log") ChangeLog log, @ForAll("author") String author,
                                          @ForAll("rationale") String rationale) {
        Params candidate = proposal.apply(current);

        Verdict verdict = policy.evaluate(current, candidate, author, rationale, NOW, log);

        Statistics.collect(verdict.accepted() ? (verdict.increase() ? "accepted increase" : "accepted") : "rejected");
        Statistics.coverage(c -> {
            c.check("accepted increase").percentage(p -> p > 3);
            c.check("rejected").percentage(p -> p > 30);
        });
        if (!verdict.accepted()) {
            assertThat(verdict.params()).isSameAs(current);
            assertThat(verdict.violations()).extracting(Violation::field).doesNotHaveDuplicates();
            return;
        }
        Params accepted = verdict.params();
        assertThat(accepted.sameValuesAs(candidate)).as("accepted values are the candidate's").isTrue();
        assertThat(accepted.version()).isEqualTo(current.version() + 1);
        assertThat(accepted.updatedAt()).isEqualTo(NOW);
        assertThat(accepted.updatedBy()).isNotBlank().hasSizeLessThanOrEqualTo(Ceilings.MAX_AUTHOR_CHARS);
        assertThat(accepted.rationale()).isNotBlank().hasSizeLessThanOrEqualTo(Ceilings.MAX_RATIONALE_CHARS);
        assertThat(Oracle.limitBreaches(accepted, ALLOWLIST)).as("limits").isEmpty();
        assertThat(Oracle.stepBreaches(current, accepted)).as("steps").isEmpty();
        assertThat(Oracle.increaseBreaches(log, current, accepted, NOW)).as("increase rules").isEmpty();
        assertThat(verdict.increase()).as("counted as an increase").isEqualTo(Oracle.raises(current, accepted));
    }

    /** How far each risk field falls, as a fraction of the way to its floor, and what happens to each symbol. */
    record Cuts(double position, double stop, double leverage, double loss, double multiplier, int modeSteps,
                List<Integer> symbolMoves) {

        Params apply(Params current) {
            int mode = Math.max(0, current.tradingMode().ordinal() - modeSteps);
            Fixtures.P p = Fixtures.from(current)
                    .maxPositionPct(down(current.maxPositionPct(), Ceilings.MAX_POSITION_PCT, position))
                    .stopLossPct(down(current.stopLossPct(), Ceilings.STOP_LOSS_PCT, stop))
                    .maxLeverage(down(current.maxLeverage(), Ceilings.MAX_LEVERAGE, leverage))
                    .dailyLossLimitPct(down(current.dailyLossLimitPct(), Ceilings.DAILY_LOSS_LIMIT_PCT, loss))
                    .tradingMode(TradingMode.values()[mode]);
            int i = 0;
            for (Map.Entry<String, SymbolParams> e : current.symbols().entrySet()) {
                int move = symbolMoves.get(i++);
                SymbolParams s = e.getValue();
                if (move == 1) {
                    p.symbol(e.getKey(), false, s.sizeMultiplier());
                } else if (move == 2) {
                    p.symbol(e.getKey(), s.enabled(), down(s.sizeMultiplier(), Ceilings.SIZE_MULTIPLIER, multiplier));
                } else if (move == 3) {
                    p.withoutSymbol(e.getKey());
                }
            }
            return p.build();
        }

        /** A value on the 4-decimal grid between the floor and {@code value}, {@code fraction} of the way down. */
        private static double down(double value, Range range, double fraction) {
            long lo = Numbers.units(range.floor());
            long hi = Numbers.units(value);
            return (hi - Math.round((hi - lo) * fraction)) / 10_000.0;
        }
    }

    @Provide
    Arbitrary<Cuts> cuts() {
        Arbitrary<Double> fraction = Combinators.combine(ParamsArbitraries.roll(), ParamsArbitraries.uniform(0, 1))
                .as((roll, f) -> roll < 30 ? 0.0 : roll < 40 ? 1.0 : f);
        return Combinators.combine(fraction, fraction, fraction, fraction, fraction,
                        Arbitraries.integers().between(0, 2),
                        Arbitraries.integers().between(0, 3).list().ofSize(ParamsArbitraries.SYMBOLS.size()))
                .as(Cuts::new);
    }

    @Property(tries = 20_000, edgeCases = EdgeCasesMode.NONE)
    void lowersRiskAtOnceWhateverTheHistory(@ForAll("current") Params current, @ForAll("cuts") Cuts cuts,
                                            @ForAll("log") ChangeLog log) {
        Params lower = cuts.apply(current);

        Verdict verdict = policy.evaluate(current, lower, "operator", "de-risk", NOW, log);

        assertThat(verdict.violations()).isEmpty();
        assertThat(verdict.increase()).isFalse();
        assertThat(verdict.params().sameValuesAs(lower)).isTrue();
    }

    // --- A sequence of proposals over simulated time -------------------------------------------------------------

    /** One move of the simulation: how long after the previous one, and what it proposes. */
    record Move(Duration gap, Proposal proposal) {
    }

    @Provide
    Arbitrary<Duration> gap() {
        Duration cooldown = Ceilings.INCREASE_COOLDOWN;
        Duration[] edges = {cooldown, cooldown, cooldown, cooldown.plusMillis(1), cooldown.minusMillis(1),
            Duration.ZERO, Duration.ofMillis(1), Ceilings.INCREASE_WINDOW, Ceilings.INCREASE_WINDOW.plusMillis(1)};
        return Combinators.combine(ParamsArbitraries.roll(), Arbitraries.integers().between(0, edges.length - 1),
                        Arbitraries.longs().between(1, 3_600_000), Arbitraries.longs().between(1, 6))
                .as((roll, edge, millis, hours) -> roll < 30 ? cooldown
                        : roll < 68 ? edges[edge] : roll < 88 ? Duration.ofMillis(millis) : Duration.ofHours(hours));
    }

    /**
     * Moves: long runs of +0.5 on max_position_pct, the largest allowed step on the other fields, enabling symbols,
     * mode changes, decreases, and arbitrary proposals drawn from a small per-run pool.
     */
    @Provide
    Arbitrary<List<Move>> moves() {
        Proposal plusHalf = Proposal.maxPosition(Delta.add(5_000));
        Proposal otherSteps = new Proposal(Delta.KEEP, Delta.add(10_000), Delta.KEEP, null, Delta.add(10_000),
                Delta.add(10_000), null, List.of(), false);
        Arbitrary<Proposal> special = Combinators.combine(ParamsArbitraries.roll(),
                        Arbitraries.of(ParamsArbitraries.SYMBOLS), Arbitraries.of(TradingMode.class),
                        Arbitraries.longs().between(1, 20_000))
                .as((roll, symbol, mode, units) -> roll < 55 ? plusHalf
                        : roll < 65 ? otherSteps
                        : roll < 75 ? new Proposal(Delta.KEEP, Delta.KEEP, Delta.KEEP, null, Delta.KEEP, Delta.KEEP,
                                null, List.of(new ParamsArbitraries.SymbolEdit(symbol, false, true,
                                        Delta.add(5_000))), false)
                        : roll < 85 ? new Proposal(Delta.KEEP, Delta.KEEP, Delta.KEEP, null, Delta.KEEP, Delta.KEEP,
                                mode, List.of(), false)
                        : Proposal.maxPosition(Delta.add(-units)));
        // A move without a proposal takes one from the pool.
        Arbitrary<Move> move = Combinators.combine(gap(), special, ParamsArbitraries.roll())
                .as((gap, proposal, roll) -> new Move(gap, roll < 35 ? null : proposal));
        return Combinators.combine(move.list().ofMinSize(1).ofMaxSize(50),
                        ParamsArbitraries.proposals().list().ofSize(4),
                        Arbitraries.integers().between(0, 3).list().ofSize(50))
                .as((list, pool, picks) -> {
                    List<Move> out = new ArrayList<>(list.size());
                    for (int i = 0; i < list.size(); i++) {
                        Move m = list.get(i);
                        out.add(m.proposal() != null ? m : new Move(m.gap(), pool.get(picks.get(i))));
                    }
                    return out;
                });
    }

    @Property(tries = 30_000, edgeCases = EdgeCasesMode.NONE)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void acceptedHistoryAlwaysObeysTheIncreaseRules(@ForAll("current") Params start,
                                                    @ForAll("moves") List<Move> moves) {
        Instant now = NOW;
        Params current = start;
        ChangeLog log = ChangeLog.empty(start);
        List<Oracle.Version> history = new ArrayList<>();
        history.add(Oracle.Version.first(now, start));
        int increases = 0;

        for (Move move : moves) {
            now = now.plus(move.gap());
            Verdict verdict = policy.evaluate(current, move.proposal().apply(current), "claude", "step", now, log);
            if (!verdict.accepted()) {
                assertThat(verdict.params()).isSameAs(current);
                continue;
            }
            increases += verdict.increase() ? 1 : 0;
            current = verdict.params();
            log = log.plus(ChangeLog.entry(now, verdict.increase(), current));
            history.add(history.get(history.size() - 1).next(now, current));

            assertThat(Oracle.limitBreaches(current, ALLOWLIST)).as("limits at %s", now).isEmpty();
            assertThat(Oracle.increaseBreaches(history)).as("history %s", history).isEmpty();
        }
        Statistics.collect(increases == 0 ? "0" : increases < 8 ? "1-7" : "8+");
        Statistics.coverage(c -> c.check("8+").percentage(p -> p > 5));
    }
}
