package dev.leash.gateway.strategies;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.backtest.BacktestMetrics;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.shadow.BookFigures;
import dev.leash.gateway.shadow.CandidateView;
import dev.leash.journal.Journal;
import dev.leash.params.AuditEntry;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(30)
class StrategyPipelineTest {

    static final String BOLLINGER = "{\"entry\": {\"rule\": \"bollinger_reversion\", \"period\": 20, \"width\": 2.0},"
            + " \"exits\": [{\"exit\": \"stop_loss\", \"pct\": 1.5}]}";
    private static final long HOUR = 3_600_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final GatewayConfig.Strategies SETTINGS = new GatewayConfig.Strategies(10, 1.0,
            Duration.ofHours(24), 5, 14);

    @TempDir
    Path dir;

    private Journal journal;
    private long now = 1_704_067_200_000L;
    private Params live = params(1);
    private BacktestMetrics liveBacktest = metrics(2.0, 20);
    private BacktestMetrics candidateBacktest = metrics(2.5, 15);
    private final Map<String, Params> started = new HashMap<>();
    private final Map<String, CandidateView> views = new HashMap<>();
    private final List<String> promotions = new ArrayList<>();

    @BeforeEach
    void open() {
        journal = Journal.open(Journal.sqliteUrl(dir));
    }

    @AfterEach
    void close() {
        journal.close();
    }

    private StrategyPipeline pipeline() {
        CandidateShadows shadows = new CandidateShadows() {
            @Override
            public boolean start(String name, Params params) {
                started.put(name, params);
                return true;
            }

            @Override
            public void end(String name, String why) {
                started.remove(name);
            }

            @Override
            public Map<String, CandidateView> candidates() {
                return Map.copyOf(views);
            }
        };
        Promoter promoter = (changes, author, rationale) -> {
            promotions.add(author + " | " + rationale);
            Params next = ParamsJson.applyChanges(live, changes).params();
            live = new Params(live.version() + 1, next.maxPositionPct(), next.stopLossPct(), next.takeProfitPct(),
                    next.breakoutLookback(), next.maxLeverage(), next.dailyLossLimitPct(), next.tradingMode(),
                    next.symbols(), author, rationale, Instant.ofEpochMilli(now), next.strategy());
            AuditEntry e = new AuditEntry(1, Instant.ofEpochMilli(now), AuditEntry.Kind.PROPOSAL, author, rationale,
                    live.version() - 1, null, changes, List.of(), AuditEntry.Verdict.ACCEPTED, List.of(),
                    live.version(), false, live, Principal.OPERATOR);
            return new WriteResult(e, live);
        };
        return new StrategyPipeline(SETTINGS, limits(), journal, () -> now, () -> live, (l, c) -> {
            backtestEntered.countDown();
            try {
                if (!backtestMayEnd.await(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the backtest was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new Backtests.Comparison(liveBacktest, candidateBacktest, 0, 1, null);
        }, shadows, promoter);
    }

    private final java.util.concurrent.CountDownLatch backtestEntered = new java.util.concurrent.CountDownLatch(1);
    private java.util.concurrent.CountDownLatch backtestMayEnd = new java.util.concurrent.CountDownLatch(0);

    @Test
    void theSchedulersTickAndTheLedgerNeverWaitForAProposalsBacktest() throws Exception {
        StrategyPipeline p = pipeline();
        backtestMayEnd = new java.util.concurrent.CountDownLatch(1);
        var proposal = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return p.propose(JSON.readTree(BOLLINGER), "one", Principal.MODEL, "claude");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(backtestEntered.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        p.tick();
        assertThat(p.ledger()).extracting(StrategyRecord::stage).containsExactly(Stage.PROPOSED);
        backtestMayEnd.countDown();
        assertThat(proposal.get(20, java.util.concurrent.TimeUnit.SECONDS).record().stage())
                .isEqualTo(Stage.SHADOWING);
    }

    @Test
    void anInvalidProposalIsRefusedWithSpecificReasonsAndNothingIsJournaled() throws Exception {
        StrategyPipeline p = pipeline();
        StrategyPipeline.Outcome o = p.propose(JSON.readTree("{\"entry\": {\"rule\": \"bollinger_reversion\","
                + " \"period\": 500, \"width\": 2.0}, \"exits\": [{\"exit\": \"stop_loss\", \"pct\": 1.5}]}"),
                "mean reversion in a range", Principal.MODEL, "claude");
        assertThat(o.valid()).isFalse();
        assertThat(o.invalid()).extracting(v -> v.field() + ": " + v.message())
                .anyMatch(s -> s.startsWith("strategy.entry.period") && s.contains("100"));
        assertThat(p.propose(JSON.readTree(BOLLINGER), " ", Principal.MODEL, "claude").invalid())
                .extracting(v -> v.field()).containsExactly("rationale");
        assertThat(journal.strategyStages()).isEmpty();
        assertThat(p.ledger()).isEmpty();
    }

    @Test
    void aProposalThatTradesTooLittleOrDrawsDownMoreIsRejectedWithItsFiguresAndNeverShadowed() throws Exception {
        candidateBacktest = metrics(3.5, 4);
        StrategyPipeline p = pipeline();
        StrategyRecord r = p.propose(JSON.readTree(BOLLINGER), "mean reversion", Principal.MODEL, "claude")
                .record();
        assertThat(r.stage()).isEqualTo(Stage.REJECTED);
        assertThat(r.reasons()).containsExactly(
                "trades too little to judge: 4 closed trades out of sample, at least 10 needed",
                "max drawdown 3.500 % out of sample is worse than the live strategy's 2.000 % by more than the"
                        + " 1.000-point margin");
        assertThat(r.backtest().path("candidate").path("trades").asInt()).isEqualTo(4);
        assertThat(started).isEmpty();
        assertThat(journal.strategyStages()).extracting(s -> s.stage()).containsExactly("proposed", "rejected");
    }

    @Test
    void aPassingProposalShadowsThenIsPromotedWhenNoWorseThanLiveAtTheEndOfItsShadowTime() throws Exception {
        StrategyPipeline p = pipeline();
        StrategyRecord r = p.propose(JSON.readTree(BOLLINGER), "mean reversion", Principal.MODEL, "claude")
                .record();
        assertThat(r.stage()).isEqualTo(Stage.SHADOWING);
        assertThat(r.parent()).isNull();
        assertThat(started).containsKey("candidate:1");
        assertThat(started.get("candidate:1").strategy()).isNotNull();
        views.put("candidate:1", new CandidateView("candidate:1", book(3.0, 1.0, 8), book(1.0, 1.0, 6), null));
        now += 23 * HOUR;
        p.tick();
        assertThat(p.get(1).stage()).isEqualTo(Stage.SHADOWING);
        now += HOUR;
        p.tick();
        StrategyRecord promoted = p.get(1);
        assertThat(promoted.stage()).isEqualTo(Stage.PROMOTED);
        assertThat(promoted.promotedVersion()).isEqualTo(2);
        assertThat(promoted.shadow().path("candidate").path("trades").asInt()).isEqualTo(8);
        assertThat(promotions).containsExactly("pipeline: promotion of strategy 1 | mean reversion");
        assertThat(width()).isEqualTo(2.0);
        assertThat(started).doesNotContainKey("candidate:1");
    }

    @Test
    void aShadowWithTooFewTradesOrAWorseDrawdownIsRetired() throws Exception {
        StrategyPipeline p = pipeline();
        p.propose(JSON.readTree(BOLLINGER), "one", Principal.MODEL, "claude");
        views.put("candidate:1", new CandidateView("candidate:1", book(3.0, 1.0, 2), book(1.0, 1.0, 6), null));
        now += 24 * HOUR;
        p.tick();
        assertThat(p.get(1).stage()).isEqualTo(Stage.RETIRED);
        assertThat(p.get(1).reasons()).containsExactly("not enough evidence: 2 closed trades in the shadow, 5 needed");
        p.propose(JSON.readTree(BOLLINGER), "two", Principal.MODEL, "claude");
        views.put("candidate:2", new CandidateView("candidate:2", book(3.0, 2.5, 9), book(1.0, 1.0, 6), null));
        now += 24 * HOUR;
        p.tick();
        assertThat(p.get(2).stage()).isEqualTo(Stage.RETIRED);
        assertThat(p.get(2).reasons().get(0)).startsWith("shadow max drawdown 2.500 % is worse");
        assertThat(promotions).isEmpty();
    }

    @Test
    void theOperatorMayApproveOrRejectAShadowingStrategyEarlyAndOnlyThat() throws Exception {
        StrategyPipeline p = pipeline();
        p.propose(JSON.readTree(BOLLINGER), "one", Principal.MODEL, "claude");
        assertThat(p.reject(1, "operator", "not today").record().stage()).isEqualTo(Stage.RETIRED);
        assertThat(p.approve(1, "operator").refused()).isEqualTo("strategy 1 is retired; only a shadowing strategy"
                + " can be approved");
        p.propose(JSON.readTree(BOLLINGER), "two", Principal.MODEL, "claude");
        assertThat(p.approve(2, "operator").record().stage()).isEqualTo(Stage.PROMOTED);
        assertThat(promotions).containsExactly("operator: promotion of strategy 2 | two");
        assertThat(p.approve(9, "operator").refused()).isEqualTo("no strategy 9");
    }

    @Test
    void theLedgerIsRebuiltFromTheJournalAndAShadowingCandidateIsStartedAgain() throws Exception {
        pipeline().propose(JSON.readTree(BOLLINGER), "one", Principal.MODEL, "claude");
        started.clear();
        StrategyPipeline again = pipeline();
        assertThat(again.ledger()).extracting(StrategyRecord::stage).containsExactly(Stage.SHADOWING);
        assertThat(again.get(1).author()).isEqualTo("claude");
        assertThat(again.get(1).principal()).isEqualTo("model");
        assertThat(started).containsKey("candidate:1");
    }

    @Test
    void rollbackMakesAPromotedStrategyLiveAgainAndRefusesOneNeverPromoted() throws Exception {
        StrategyPipeline p = pipeline();
        p.propose(JSON.readTree(BOLLINGER), "one", Principal.MODEL, "claude");
        p.approve(1, "operator");
        p.propose(JSON.readTree(BOLLINGER.replace("2.0}", "3.0}")), "two", Principal.MODEL, "claude");
        p.approve(2, "operator");
        assertThat(width()).isEqualTo(3.0);
        assertThat(p.rollback(1, "operator", "back to the first").refused()).isNull();
        assertThat(width()).isEqualTo(2.0);
        p.propose(JSON.readTree(BOLLINGER.replace("2.0}", "2.5}")), "three", Principal.MODEL, "claude");
        p.reject(3, "operator", "no");
        assertThat(p.rollback(3, "operator", "x").refused()).startsWith("strategy 3 was never promoted");
    }

    private double width() {
        return dev.leash.params.StrategyJson.toJson(live.strategy()).path("entry").path("width").asDouble();
    }

    static BacktestMetrics metrics(double maxDrawdownPct, int trades) {
        return new BacktestMetrics(100_000, 101_000, 1.0, maxDrawdownPct, 1.0, trades, 50, 1.2, 10, 0, 1_010, 0,
                2_000);
    }

    static BookFigures book(double returnPct, double maxDrawdownPct, int trades) {
        return new BookFigures(0, 100_000, 100_000 * (1 + returnPct / 100), 1_000 * returnPct, returnPct,
                maxDrawdownPct, trades);
    }

    static Limits limits() {
        return Limits.hard(new LinkedHashSet<>(Set.of("BTCUSDT")));
    }

    static Params params(long version) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        return new Params(version, 1.0, 1.5, null, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "fixture",
                Instant.parse("2024-01-01T00:00:00Z"));
    }
}
