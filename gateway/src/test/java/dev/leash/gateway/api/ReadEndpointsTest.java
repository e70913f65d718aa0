package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.testsupport.Eventually;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.venue.Candle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/**
 * Every GET endpoint answers 200 with its documented shape, on one gateway that has traded a day of bars on a manual
 * trading clock before the tests read (values: {@link ValuesOnAManualClockTest}).
 */
@Timeout(30)
class ReadEndpointsTest {

    private static final Duration TRADES_APPEAR = Duration.ofSeconds(20);
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");

    @TempDir
    static Path dataDir;
    static RunningGateway gw;

    @BeforeAll
    @Timeout(30)
    static void start() throws Exception {
        ManualTradingClock clock = new ManualTradingClock();
        gw = RunningGateway.startManual(dataDir, Instant.parse("2026-01-05T00:00:00Z"), clock);
        gw.advanceTo(clock, clock.now() + 288 * Candle.INTERVAL_MILLIS);
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    /** GET {@code pathAndQuery}, asserting a 200 JSON answer. */
    private static JsonNode ok(String pathAndQuery) {
        Response r = gw.get(pathAndQuery);
        assertThat(r.status()).as("%s -> %s", pathAndQuery, r).isEqualTo(200);
        assertThat(r.contentType()).as(pathAndQuery).startsWith("application/json");
        return r.json();
    }

    private static JsonNode awaitTrades(int atLeast) {
        return Eventually.await(atLeast + " trades journaled", TRADES_APPEAR, () -> ok("/api/trades?limit=500"),
                t -> t.path("count").asInt() >= atLeast);
    }

    private static List<String> fieldNames(JsonNode o) {
        List<String> out = new ArrayList<>();
        o.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void healthReportsBothLoopsRunning() {
        JsonNode h = Eventually.await("the inner loop has stepped", Duration.ofSeconds(10), () -> ok("/api/health"),
                n -> n.path("inner_loop").path("steps").asLong() > 0);

        assertThat(h.path("status").asText()).isEqualTo("ok");
        assertThat(h.path("venue").asText()).isEqualTo("simulated");
        assertThat(h.path("trading_state").asText()).isEqualTo("ACTIVE");
        assertThat(h.path("params_version").isIntegralNumber()).isTrue();
        assertThat(Instant.parse(h.path("trading_time").asText())).isNotNull();
        JsonNode inner = h.path("inner_loop");
        assertThat(inner.path("ok").asBoolean()).isTrue();
        assertThat(inner.path("last_step_age_ms").asLong()).isBetween(0L, 5_000L);
        assertThat(inner.path("errors").asLong()).isZero();
        JsonNode middle = h.path("middle_loop");
        assertThat(middle.path("ok").asBoolean()).isTrue();
        assertThat(middle.path("last_run_age_ms").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(middle.path("param_problems").isArray()).isTrue();
        assertThat(middle.path("param_problems")).isEmpty();
    }

    @Test
    void stateIsTheStateOfTheUnion() {
        awaitTrades(1);

        JsonNode s = ok("/api/state");

        assertThat(fieldNames(s)).contains("equity", "cash", "positions", "open_orders", "pnl_24h", "trading_state",
                "params_version", "risk", "health");
        assertThat(s.path("equity").asDouble()).isPositive();
        assertThat(s.path("cash").isNumber()).isTrue();
        assertThat(s.path("pnl_24h").isNumber()).as("pnl_24h once the equity curve has points").isTrue();
        assertThat(s.path("positions").isArray()).isTrue();
        assertThat(s.path("open_orders").isArray()).isTrue();
        assertThat(s.path("trading_state").asText()).isEqualTo("ACTIVE");
        assertThat(s.path("params_version").asLong()).isEqualTo(ok("/api/params").path("params").path("version").asLong());
        JsonNode risk = s.path("risk");
        assertThat(fieldNames(risk)).contains("start_of_day_equity", "daily_loss_pct", "daily_loss_limit_pct",
                "gross_exposure", "leverage", "max_leverage", "largest_position_pct", "max_position_pct",
                "trading_mode", "enabled_symbols");
        assertThat(risk.path("trading_mode").asText()).isEqualTo("active");
        assertThat(risk.path("enabled_symbols").asInt()).isEqualTo(3);
        assertThat(s.path("health").path("status").asText()).isIn("ok", "degraded");
        assertThat(s.path("health").has("inner_loop")).isTrue();
    }

    @Test
    void tradesAppearWhileTheGatewayRunsNewestFirst() {
        JsonNode all = awaitTrades(3);

        JsonNode trades = all.path("trades");
        assertThat(all.path("count").asInt()).isEqualTo(trades.size());
        List<Instant> times = new ArrayList<>();
        for (JsonNode t : trades) {
            assertThat(t.path("opened_by_version").asLong()).isPositive().isLessThanOrEqualTo(
                    t.path("params_version").asLong());
            assertThat(fieldNames(t)).contains("time", "symbol", "side", "qty", "price", "fee", "realized_pnl",
                    "client_order_id", "fill_id");
            assertThat(t.path("symbol").asText()).isIn(SYMBOLS);
            assertThat(t.path("side").asText()).isIn("buy", "sell");
            assertThat(t.path("qty").asDouble()).isPositive();
            times.add(Instant.parse(t.path("time").asText()));
        }
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void tradesHonourLimit() {
        awaitTrades(3);

        JsonNode two = ok("/api/trades?limit=2");

        assertThat(two.path("count").asInt()).isEqualTo(2);
        assertThat(two.path("trades")).hasSize(2);
    }

    @Test
    void tradesHonourSinceAsIsoTimeAndAsEpochMillis() {
        JsonNode all = awaitTrades(3);
        JsonNode trades = all.path("trades");
        Instant cut = Instant.parse(trades.get(1).path("time").asText());

        for (String since : List.of(cut.toString(), Long.toString(cut.toEpochMilli()))) {
            JsonNode recent = ok("/api/trades?limit=500&since=" + since);
            assertThat(recent.path("count").asInt()).as("since=%s", since).isGreaterThanOrEqualTo(2);
            for (JsonNode t : recent.path("trades")) {
                assertThat(Instant.parse(t.path("time").asText())).as("since=%s", since).isAfterOrEqualTo(cut);
            }
        }
        assertThat(ok("/api/trades?since=2999-01-01T00:00:00Z").path("count").asInt()).isZero();
    }

    @Test
    void tradesFilterBySymbol() {
        String symbol = awaitTrades(1).path("trades").get(0).path("symbol").asText();

        JsonNode only = ok("/api/trades?symbol=" + symbol);

        assertThat(only.path("count").asInt()).isPositive();
        for (JsonNode t : only.path("trades")) {
            assertThat(t.path("symbol").asText()).isEqualTo(symbol);
        }
    }

    @Test
    void positionsCarryTheirStops() {
        JsonNode p = Eventually.await("an open position", TRADES_APPEAR, () -> ok("/api/positions"),
                n -> !n.path("positions").isEmpty());

        for (JsonNode pos : p.path("positions")) {
            assertThat(fieldNames(pos)).contains("symbol", "side", "qty", "entry_price", "mark_price", "notional",
                    "unrealized_pnl", "stop_price");
            assertThat(pos.path("side").asText()).isIn("long", "short");
            assertThat(pos.path("qty").asDouble()).isPositive();
            double entry = pos.path("entry_price").asDouble();
            double stop = pos.path("stop_price").asDouble();
            if ("long".equals(pos.path("side").asText())) {
                assertThat(stop).isLessThan(entry);
            } else {
                assertThat(stop).isGreaterThan(entry);
            }
        }
    }

    @Test
    void openOrdersAreAListEvenWhenMarketOrdersFilledAtOnce() {
        JsonNode open = ok("/api/orders?status=open");
        JsonNode dflt = ok("/api/orders");

        assertThat(open.path("orders").isArray()).isTrue();
        assertThat(dflt.path("orders").isArray()).isTrue();
        for (JsonNode o : open.path("orders")) {
            assertThat(o.path("status").asText()).isIn("new", "partially_filled");
        }
    }

    @Test
    void allOrdersComeFromTheJournalWithActionAndParamsVersion() {
        awaitTrades(2);

        JsonNode all = ok("/api/orders?status=all&limit=500");
        JsonNode one = ok("/api/orders?status=all&limit=1");

        assertThat(all.path("orders").size()).isGreaterThanOrEqualTo(2);
        assertThat(one.path("orders")).hasSize(1);
        for (JsonNode o : all.path("orders")) {
            assertThat(fieldNames(o)).contains("client_order_id", "symbol", "side", "qty", "price", "filled_qty",
                    "status", "reduce_only", "action", "params_version", "created_at");
            assertThat(o.path("params_version").asLong()).isPositive();
        }
    }

    @Test
    void fundingForChosenSymbolsWithHistory() {
        JsonNode two = ok("/api/funding?symbols=BTCUSDT,ETHUSDT");
        JsonNode every = ok("/api/funding");

        assertThat(two.path("funding").findValuesAsText("symbol")).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(every.path("funding").findValuesAsText("symbol")).containsExactlyElementsOf(SYMBOLS);
        for (JsonNode f : two.path("funding")) {
            assertThat(f.path("rate").isNumber()).isTrue();
            assertThat(f.path("rate_pct").asDouble()).isCloseTo(f.path("rate").asDouble() * 100,
                    offset(1e-6));
            assertThat(Instant.parse(f.path("next_funding_time").asText())).isNotNull();
            assertThat(f.path("history").isArray()).isTrue();
            assertThat(f.path("history")).isNotEmpty();
        }
    }

    @Test
    void marketSignalsForChosenSymbols() {
        JsonNode m = ok("/api/market?symbols=SOLUSDT,BTCUSDT");

        JsonNode market = m.path("market");
        assertThat(market.findValuesAsText("symbol")).containsExactly("SOLUSDT", "BTCUSDT");
        for (JsonNode s : market) {
            for (String field : List.of("price", "change_24h_pct", "rsi", "macd_histogram", "bollinger_pct_b",
                    "volume_ratio", "atr", "realized_volatility_pct")) {
                assertThat(s.path(field).isNumber()).as("%s of %s", field, s).isTrue();
            }
            assertThat(s.path("price").asDouble()).isPositive();
            assertThat(s.path("rsi").asDouble()).isBetween(0.0, 100.0);
            assertThat(s.path("atr").asDouble()).isPositive();
            assertThat(s.path("regime").asText()).as("regime of %s", s).isIn("trend", "range", "high_volatility");
        }
        assertThat(ok("/api/market").path("market").findValuesAsText("symbol")).containsExactlyElementsOf(SYMBOLS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"24h", "7d", "30d", "all"})
    void performanceOverEachWindow(String window) {
        awaitTrades(1);

        JsonNode p = ok("/api/performance?window=" + window);

        assertThat(p.path("window").asText()).isEqualTo(window);
        assertThat(fieldNames(p)).contains("from", "to", "fills", "closed_trades", "wins", "losses", "win_rate",
                "profit_factor", "realized_pnl", "fees", "net_pnl", "return_pct", "max_drawdown_pct");
        assertThat(p.path("fills").asInt()).isPositive();
        assertThat(p.path("wins").asInt() + p.path("losses").asInt()).isEqualTo(p.path("closed_trades").asInt());
        assertThat(p.path("fees").asDouble()).isNegative(); // a cost, signed as its effect on equity
        assertThat(p.path("net_pnl").asDouble()).isCloseTo(p.path("realized_pnl").asDouble()
                + p.path("fees").asDouble(), org.assertj.core.api.Assertions.within(1e-4));
        assertThat(Instant.parse(p.path("from").asText())).isBeforeOrEqualTo(Instant.parse(p.path("to").asText()));
    }

    @Test
    void performanceOfOneSymbolCountsOnlyItsFills() {
        String symbol = awaitTrades(1).path("trades").get(0).path("symbol").asText();

        JsonNode one = ok("/api/performance?window=all&symbol=" + symbol);
        JsonNode all = ok("/api/performance?window=all");

        assertThat(one.path("symbol").asText()).isEqualTo(symbol);
        assertThat(one.path("fills").asInt()).isPositive().isLessThanOrEqualTo(all.path("fills").asInt());
        assertThat(one.has("return_pct")).as("account return is not per symbol").isFalse();
        assertThat(ok("/api/performance").path("window").asText()).isEqualTo("24h");
    }

    @Test
    void paramsComeWithCeilingsAndWhatMayChangeNow() {
        JsonNode p = ok("/api/params");

        JsonNode params = p.path("params");
        assertThat(fieldNames(params)).contains("version", "max_position_pct", "stop_loss_pct", "take_profit_pct",
                "breakout_lookback", "max_leverage", "daily_loss_limit_pct", "trading_mode", "symbols", "updated_by",
                "rationale", "updated_at");
        assertThat(params.path("symbols").path("BTCUSDT").path("enabled").asBoolean()).isTrue();
        JsonNode ceilings = p.path("ceilings");
        assertThat(ceilings.path("max_position_pct").path("floor").isNumber()).isTrue();
        assertThat(ceilings.path("max_position_pct").path("ceiling").asDouble()).isEqualTo(5.0);
        assertThat(ceilings.path("allowlist")).extracting(JsonNode::asText).containsExactlyElementsOf(SYMBOLS);
        assertThat(ceilings.path("increase_rules").path("cooldown_minutes").asInt()).isEqualTo(15);
        JsonNode now = p.path("may_change_now");
        assertThat(now.path("increase_allowed_now").asBoolean()).isTrue();
        assertThat(now.path("cooldown_left_s").asLong()).isZero();
        assertThat(now.path("increases_left_24h").asInt()).isPositive();
        JsonNode pos = now.path("ranges").path("max_position_pct");
        assertThat(pos.path("min").asDouble()).isEqualTo(0.1);
        assertThat(pos.path("max").asDouble()).isEqualTo(params.path("max_position_pct").asDouble() + 0.5);
        assertThat(now.path("trading_modes")).extracting(JsonNode::asText)
                .containsExactly("paused", "reduce_only", "active");
        assertThat(p.path("reload_problems").isArray()).isTrue();
        assertThat(p.path("reload_problems")).isEmpty();
    }

    @Test
    void paramsHistoryListsTheBaselineWithItsOutcome() {
        awaitTrades(1);

        JsonNode h = Eventually.await("the baseline's outcome counts its fills", TRADES_APPEAR,
                () -> ok("/api/params/history"),
                n -> n.path("versions").path(0).path("outcome").path("fills").asInt() > 0);

        assertThat(h.path("pnl_attribution").asText()).contains("opened");
        JsonNode versions = h.path("versions");
        assertThat(versions).hasSize(1);
        JsonNode v1 = versions.get(0);
        assertThat(v1.path("version").asLong()).isEqualTo(1);
        assertThat(v1.path("kind").asText()).isEqualTo("init");
        assertThat(v1.path("author").asText()).isEqualTo("operator");
        assertThat(v1.path("rationale").asText()).isNotBlank();
        assertThat(Instant.parse(v1.path("accepted_at").asText())).isNotNull();
        assertThat(v1.path("diff").isObject()).isTrue();
        JsonNode outcome = v1.path("outcome");
        assertThat(fieldNames(outcome)).contains("active_from", "active_to", "fills", "closed_trades", "realized_pnl",
                "fees", "net_pnl", "return_pct", "max_drawdown_pct");
    }

    @Test
    void decisionsCarryTheParamsVersionTheyWereTakenUnder() {
        JsonNode eth = Eventually.await("5 ETHUSDT decisions journaled", TRADES_APPEAR,
                () -> ok("/api/decisions?symbol=ETHUSDT&limit=5"), n -> n.path("decisions").size() == 5);

        JsonNode decisions = eth.path("decisions");
        assertThat(decisions).hasSize(5);
        List<Instant> times = new ArrayList<>();
        for (JsonNode d : decisions) {
            assertThat(d.path("symbol").asText()).isEqualTo("ETHUSDT");
            assertThat(d.path("action").asText()).isNotBlank();
            assertThat(d.path("reason").asText()).isNotBlank();
            assertThat(d.path("params_version").asLong()).isEqualTo(1);
            assertThat(d.path("signals").path("price").asDouble()).isPositive();
            times.add(Instant.parse(d.path("time").asText()));
        }
        assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void decisionsCarryAReasonCodeBesideTheRenderedReason() {
        JsonNode all = Eventually.await("5 decisions journaled", TRADES_APPEAR,
                () -> ok("/api/decisions?limit=5"), n -> n.path("decisions").size() == 5);

        for (JsonNode d : all.path("decisions")) {
            String code = d.path("reason_code").asText();
            assertThat(code).isIn(java.util.Arrays.stream(dev.leash.engine.ReasonCode.values())
                    .map(Enum::name).toList()).isNotEqualTo("TEXT");
            assertThat(d.path("reason").asText()).isNotBlank();
        }
    }
}
