package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.journal.BookFill;
import dev.leash.journal.Journal;
import dev.leash.journal.ShadowRun;
import dev.leash.testsupport.Eventually;
import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promotion pipeline over REST on a manual clock: a proposal that fails the backtest gate never trades; one that
 * passes is shadowed, promoted, then trades live exactly as a shadow of it on the same ticks.
 */
@Timeout(300)
class StrategyPipelineEndToEndTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final String YAML = "strategies:\n  min_backtest_trades: 1\n  max_drawdown_margin_pct: 100\n"
            + "  shadow_hours: 1\n  min_shadow_trades: 1\n  backtest_days: 2\n";
    /** Never trades: a 200-bar channel, one UTC hour a day, and a volume ten times its average. */
    static final String TOO_QUIET = "{\"entry\":{\"rule\":\"donchian_breakout\",\"lookback\":200},"
            + "\"filters\":[{\"filter\":\"time_of_day\",\"start_hour\":3,\"end_hour\":4},"
            + "{\"filter\":\"volume_ratio\",\"min\":10}],\"exits\":[{\"exit\":\"stop_loss\",\"pct\":1.5}]}";
    /** Trades often: a narrow Bollinger reversion. */
    static final String BUSY = "{\"entry\":{\"rule\":\"bollinger_reversion\",\"period\":10,\"width\":1.0},"
            + "\"exits\":[{\"exit\":\"stop_loss\",\"pct\":1.5},{\"exit\":\"take_profit\",\"pct\":1.0}]}";

    @TempDir
    Path dir;

    private static Response propose(RunningGateway g, String strategy, String why) {
        return g.modelWrite("POST", "/api/strategies", "{\"strategy\":" + strategy + ",\"rationale\":\"" + why
                + "\"}");
    }

    @Test
    void aFailingProposalNeverTradesAndAPassingOneIsShadowedPromotedAndTradesLiveAsItsShadow() throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        try (RunningGateway g = RunningGateway.startManual(dir, WALL, clock, YAML)) {
            g.advanceTo(clock, clock.now() + 12 * Candle.INTERVAL_MILLIS);

            Response invalid = propose(g, "{\"entry\":{\"rule\":\"macd_trend\",\"fast\":12,\"slow\":26,\"signal\":9},"
                    + "\"exits\":[{\"exit\":\"take_profit\",\"pct\":2}]}", "no stop");
            assertProblem(invalid, 422, "strategy.exits: a strategy needs a stop_loss exit");
            assertThat(g.get("/api/strategies").json().path("strategies")).isEmpty();

            JsonNode quiet = propose(g, TOO_QUIET, "a rare breakout").json();
            assertThat(quiet.path("stage").asText()).as("%s", quiet).isEqualTo("rejected");
            assertThat(quiet.path("reasons").path(0).asText()).startsWith("trades too little to judge: 0 closed");
            assertThat(quiet.path("backtest").path("candidate").path("trades").asInt()).isZero();

            JsonNode busy = propose(g, BUSY, "mean reversion in a range").json();
            assertThat(busy.path("stage").asText()).as("%s", busy).isEqualTo("shadowing");
            assertThat(busy.path("proposed_by").asText()).isEqualTo("model");
            assertThat(busy.path("parent").isNull()).isTrue();
            g.advanceTo(clock, clock.now() + 2 * Candle.INTERVAL_MILLIS);
            assertThat(g.gateway().shadows().candidates()).containsOnlyKeys("candidate:2");
            assertThat(g.gateway().shadows().candidates().get("candidate:2").running()).isTrue();

            assertProblem(g.modelWrite("POST", "/api/strategies/2/approve", "{}"), 403,
                    "only the operator's token may approve, reject or roll back a strategy");
            // the switch with positions open: the shadow started at it takes over the live book's state
            assertThat(g.get("/api/positions").json().path("positions")).isNotEmpty();
            Response approved = g.write("POST", "/api/strategies/2/approve", "{}");
            assertThat(approved.status()).as("%s", approved).isEqualTo(200);
            long version = approved.json().path("promoted_params_version").asLong();
            long promotedAt = g.gateway().tradingTime();
            JsonNode params = g.get("/api/params").json().path("params");
            assertThat(params.path("version").asLong()).isEqualTo(version);
            assertThat(params.path("strategy").path("entry").path("rule").asText()).isEqualTo("bollinger_reversion");
            assertThat(params.path("updated_by").asText()).contains("promotion of strategy 2");

            // a day: on the simulated venue the live book and its live-params shadow share the fill model
            for (int bar = 0; bar < 288; bar++) { // bar by bar, the shadows caught up: none drops a step
                long next = clock.now() + Candle.INTERVAL_MILLIS;
                g.advanceTo(clock, next);
                Eventually.await("the shadows step to " + Instant.ofEpochMilli(next), Duration.ofSeconds(60),
                        () -> g.gateway().shadows().scorecard().asOf(), t -> t >= next);
            }
            assertThat(g.gateway().shadows().scorecard().missedSteps()).isZero();
            Journal journal = g.gateway().journal();
            long now = g.gateway().tradingTime();
            List<String> live = sides(journal.liveBookFills(promotedAt, now));
            ShadowRun twin = journal.shadowRuns(promotedAt, now).stream()
                    .filter(r -> r.name().equals("live-params v" + version)).findFirst().orElseThrow();
            List<String> shadow = sides(journal.shadowFills(twin.id(), promotedAt, now));
            assertThat(live).as("the live book trades the promoted strategy").isNotEmpty();
            assertThat(live).isEqualTo(shadow);
            assertThat(g.get("/api/strategies").json().path("strategies")).extracting(s -> s.path("stage").asText())
                    .containsExactly("rejected", "promoted");
            JsonNode ledger = g.get("/api/strategies").json().path("strategies").path(1);
            assertThat(ledger.path("live").path("fills").asInt()).isPositive();
            assertThat(ledger.path("shadow").path("candidate").has("risk_adjusted_return")).isTrue();

            assertProblem(g.write("POST", "/api/strategies/1/rollback", "{\"rationale\":\"back\"}"), 409,
                    "strategy 1 was never promoted (it is rejected); only a promoted strategy can be rolled back to");
            assertProblem(g.write("POST", "/api/strategies/2/reject", "{\"rationale\":\"no\"}"), 409,
                    "strategy 2 is promoted; only a shadowing strategy can be rejected");
            assertProblem(g.write("POST", "/api/strategies/x/approve", "{}"), 400,
                    "strategy id must be a positive integer");
            assertProblem(g.write("POST", "/api/strategies/9/approve", "{}"), 404, "no strategy 9");
        }
    }

    private static List<String> sides(List<BookFill> fills) {
        return fills.stream().map(f -> f.time() + " " + f.symbol() + " " + f.signedQty() + " @ " + f.price())
                .toList();
    }

}
