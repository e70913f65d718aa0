package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.venue.Candle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code POST /api/backtest} answers honestly: the window it actually traded, no annualized Sharpe on a few days,
 * figures that agree with each other, a reason for zero trades, an out-of-sample split, and how many backtests
 * were run lately.
 */
@Timeout(180)
class BacktestEndpointTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final long DAY = 86_400_000L;

    @TempDir
    static Path dataDir;
    static RunningGateway gw;
    static long tradingTime;

    /** A gateway that has traded one day of bars, so its own account is no longer at its starting balance. */
    @BeforeAll
    @Timeout(120)
    static void start() throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        gw = RunningGateway.startManual(dataDir, WALL, clock);
        gw.advanceTo(clock, clock.now() + 288 * Candle.INTERVAL_MILLIS);
        tradingTime = gw.gateway().tradingTime();
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    private static JsonNode backtest(String body) {
        Response r = gw.write("POST", "/api/backtest", body);
        assertThat(r.status()).as("%s", r).isEqualTo(200);
        return r.json();
    }

    private static long time(JsonNode n) {
        return Instant.parse(n.asText()).toEpochMilli();
    }

    @Test
    void reportsTheWindowItActuallyTradedWithItsStartEndAndBars() {
        JsonNode a = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":3}");

        JsonNode w = a.path("window");
        long end = Math.floorDiv(tradingTime, Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS;
        assertThat(w.path("requested_days").asInt()).isEqualTo(3);
        assertThat(w.path("used_days").asDouble()).isEqualTo(3.0);
        assertThat(w.path("bars_per_symbol").asInt()).isEqualTo(3 * 288);
        assertThat(w.path("warmup_bars_dropped").asInt()).isPositive();
        assertThat(time(w.path("end"))).isEqualTo(end);
        assertThat(time(w.path("start"))).isEqualTo(end - 3 * DAY);
        assertThat(a.path("current").path("bars").asInt()).isEqualTo(3 * 288);
    }

    @Test
    void aFreshSimulatedVenueServesTheLongestWindowTheToolAllows() {
        JsonNode w = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":" + BacktestRoute.MAX_DAYS + "}")
                .path("window");

        assertThat(w.path("used_days").asDouble()).isEqualTo(BacktestRoute.MAX_DAYS);
        assertThat(w.path("bars_per_symbol").asInt()).isEqualTo(BacktestRoute.MAX_DAYS * 288);
        assertThat(w.has("shortfall")).as("%s", w).isFalse();
    }

    @Test
    void showsNoAnnualizedSharpeOnLessThanSevenDaysAndSaysWhy() {
        JsonNode shortRun = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":3}");
        JsonNode longRun = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":8}");

        for (String side : new String[] {"current", "candidate"}) {
            JsonNode m = shortRun.path(side);
            assertThat(m.has("sharpe")).as("%s: %s", side, m).isFalse();
            assertThat(m.path("sharpe_unavailable").asText()).contains("7 days", "3.0 days");
        }
        assertThat(longRun.path("current").has("sharpe")).isTrue();
        assertThat(longRun.path("current").has("sharpe_unavailable")).isFalse();
    }

    @Test
    void aReduceOnlyCandidateHasZeroTradesZeroReturnItsStartingEquityAndAReason() {
        JsonNode a = backtest("{\"changes\":{\"trading_mode\":\"reduce_only\"},\"days\":3}");

        JsonNode c = a.path("candidate");
        double start = a.path("starting_equity").asDouble();
        assertThat(start).as("the account's equity after a day of live trading").isNotEqualTo(100_000.0);
        assertThat(c.path("trades").asInt()).isZero();
        assertThat(c.path("initial_equity").asDouble()).isEqualTo(start);
        assertThat(c.path("final_equity").asDouble()).isEqualTo(start);
        assertThat(c.path("return_pct").asDouble()).isZero();
        assertThat(c.path("zero_trades_reason").asText()).contains("reduce_only");
        assertThat(a.path("starting_equity_note").asText()).contains("equity");
    }

    @Test
    void theFiguresOfOneRunAgree() {
        JsonNode m = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":8}").path("current");

        double initial = m.path("initial_equity").asDouble();
        double last = m.path("final_equity").asDouble();
        assertThat(m.path("equity_change").asDouble()).isCloseTo(last - initial, within(0.01));
        assertThat(m.path("return_pct").asDouble()).isCloseTo((last / initial - 1) * 100, within(1e-4));
        assertThat(last - initial).isCloseTo(m.path("net_pnl").asDouble() + m.path("funding").asDouble()
                + m.path("unrealized_pnl").asDouble(), within(0.05));
    }

    @Test
    void comparesOnAWalkForwardSplitByDefaultAndReportsBothWindows() {
        JsonNode a = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":9}");

        JsonNode fit = a.path("out_of_sample").path("fit");
        JsonNode test = a.path("out_of_sample").path("test");
        assertThat(time(fit.path("window").path("start"))).isEqualTo(time(a.path("window").path("start")));
        assertThat(time(fit.path("window").path("end"))).isEqualTo(time(test.path("window").path("start")));
        assertThat(time(test.path("window").path("end"))).isEqualTo(time(a.path("window").path("end")));
        assertThat(fit.path("window").path("bars_per_symbol").asInt() + test.path("window")
                .path("bars_per_symbol").asInt()).isEqualTo(9 * 288);
        for (JsonNode part : new JsonNode[] {fit, test}) {
            assertThat(part.path("current").has("return_pct")).as("%s", part).isTrue();
            assertThat(part.path("candidate").has("return_pct")).isTrue();
            assertThat(part.path("candidate_minus_current").has("return_pct")).isTrue();
        }
    }

    @Test
    void countsTheBacktestsOfTheLastDayWithEachAnswer() {
        int before = backtest("{\"changes\":{\"stop_loss_pct\":2.0},\"days\":1}").path("backtests_last_24h")
                .asInt();
        JsonNode after = backtest("{\"changes\":{\"stop_loss_pct\":2.5},\"days\":1}");

        assertThat(before).isPositive();
        assertThat(after.path("backtests_last_24h").asInt()).isEqualTo(before + 1);
    }

    @Test
    void comparesSeveralCandidatesWithTheCurrentParamsOnTheSameWindow() {
        JsonNode a = backtest("{\"candidates\":[{\"stop_loss_pct\":2.0},{\"breakout_lookback\":30},"
                + "{\"trading_mode\":\"reduce_only\"}],\"days\":2}");
        JsonNode single = backtest("{\"changes\":{\"breakout_lookback\":30},\"days\":2}");

        JsonNode list = a.path("candidates");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).path("changes").toString()).contains("stop_loss_pct");
        assertThat(list.get(1).path("candidate")).isEqualTo(single.path("candidate"));
        assertThat(list.get(1).path("candidate_minus_current")).isEqualTo(single.path("candidate_minus_current"));
        assertThat(list.get(2).path("candidate").path("zero_trades_reason").asText()).contains("reduce_only");
        assertThat(a.path("current")).isEqualTo(single.path("current"));
        assertThat(a.path("out_of_sample").path("test").path("current"))
                .isEqualTo(single.path("out_of_sample").path("test").path("current"));
        assertThat(list.get(1).path("out_of_sample").path("test").path("candidate"))
                .isEqualTo(single.path("out_of_sample").path("test").path("candidate"));
    }

    @Test
    void refusesMoreThanEightCandidatesOrBothFormsClearly() {
        StringBuilder nine = new StringBuilder("{\"candidates\":[");
        for (int i = 0; i < 9; i++) {
            nine.append(i == 0 ? "" : ",").append("{\"stop_loss_pct\":2.0}");
        }
        Response tooMany = gw.write("POST", "/api/backtest", nine.append("]}").toString());
        Response both = gw.write("POST", "/api/backtest",
                "{\"changes\":{\"stop_loss_pct\":2.0},\"candidates\":[{\"stop_loss_pct\":2.0}]}");
        Response badOne = gw.write("POST", "/api/backtest",
                "{\"candidates\":[{\"stop_loss_pct\":2.0},{\"stop_loss_pct\":99}]}");

        Problems.assertProblem(tooMany, 400, "candidates must be an array of 1 to 8");
        assertThat(tooMany.json().path("detail").asText()).contains("got 9");
        Problems.assertProblem(both, 400, "not both");
        Problems.assertProblem(badOne, 422, "candidate 2 rejected: stop_loss_pct");
    }
}
