package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.engine.Engine;
import dev.leash.engine.RiskRejection;
import dev.leash.journal.Journal;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Fill;
import dev.leash.venue.Venue;
import dev.leash.venue.bybit.BybitConfig;
import dev.leash.venue.bybit.BybitVenue;
import dev.leash.risk.Limits;
import dev.leash.risk.OrderReject;
import dev.leash.risk.Params;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static dev.leash.gateway.loop.SimulatedLoopFixtures.symbols;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A single print 40 % away from the market reaches the inner loop: no order leaves, and the refusal is journaled as
 * {@code PRICE_BAND}. On the simulated venue (no mark price of its own) the reference is a median of recent trades;
 * on Bybit it is the ticker's mark price.
 */
@Timeout(60)
class BadPrintTest {

    private static final long BYBIT_NOW = 1_704_070_000_000L; // the fixtures' server time, inside the 00:45 bar

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Journal journal;

    @AfterEach
    void close() {
        if (journal != null) {
            journal.close();
        }
        bybit.stop();
    }

    @Test
    void aFortyPercentPrintOnTheSimulatedVenueSendsNoOrder() throws Exception {
        long start = 1_767_225_600_000L;
        SimulatedVenue sim = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, start, new MemoryStore());
        BadPrints venue = new BadPrints(sim);
        journal = Journal.open(Journal.sqliteUrl(dir));
        JournalRecorder recorder = new JournalRecorder(journal);
        QuietListener quiet = new QuietListener(recorder);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        Engine engine = new Engine(Specs.of(sim.instruments()), Limits.hard(symbols()), params(20), outbox, quiet,
                sim::equity);
        InnerLoop loop = new InnerLoop(venue, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000), recorder, quiet);
        outbox.bind(loop);
        loop.start(260, List.of());
        long t = start + 600_000;
        for (long step = start; step < t; step += 1_000) {
            sim.advanceTo(step);
            loop.step(step);
        }
        int btc = engine.indexOf("BTCUSDT");
        int fillsBefore = sim.fills(Long.MIN_VALUE, Long.MAX_VALUE).size();
        // Down when long (a stop-loss trigger), up otherwise (a breakout): either way an order on today's main.
        double factor = engine.position(btc) > 0 ? 0.6 : 1.4;
        sim.advanceTo(t);
        venue.badPrint("BTCUSDT", factor);
        loop.step(t);

        List<Fill> fills = sim.fills(Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(fills).hasSize(fillsBefore);
        assertThat(sim.openOrders()).isEmpty();
        assertThat(journal.orders("BTCUSDT", false, 100)).noneMatch(o -> o.createdAt() == t);
        assertThat(journal.riskRejections(10)).singleElement().satisfies(r -> {
            assertThat(r.symbol()).isEqualTo("BTCUSDT");
            assertThat(r.reason()).isEqualTo(OrderReject.PRICE_BAND);
            assertThat(r.time()).isEqualTo(t);
        });
    }

    @Test
    void aFortyPercentPrintOnBybitSendsNoOrder() throws Exception {
        InnerLoop loop = bybitLoop("market-tickers-bad-print");

        loop.step(BYBIT_NOW);

        bybit.verify(0, postRequestedFor(urlPathEqualTo("/v5/order/create")));
        assertThat(journal.riskRejections(10)).extracting(RiskRejection::symbol, RiskRejection::price,
                RiskRejection::reason).containsExactly(org.assertj.core.groups.Tuple.tuple("BTCUSDT", 58_828.1,
                OrderReject.PRICE_BAND));
        assertThat(journal.orders(null, false, 10)).isEmpty();
    }

    @Test
    void aBreakoutNearTheMarkOnBybitTrades() throws Exception {
        InnerLoop loop = bybitLoop("market-tickers"); // the same fixtures with an honest last price

        loop.step(BYBIT_NOW);

        bybit.verify(1, postRequestedFor(urlPathEqualTo("/v5/order/create")));
        assertThat(journal.riskRejections(10)).isEmpty();
    }

    private InnerLoop bybitLoop(String tickers) throws Exception {
        bybit.start();
        stub("/v5/market/instruments-info", "market-instruments-info");
        stub("/v5/market/tickers", tickers);
        stub("/v5/market/kline", "market-kline-quiet");
        stub("/v5/market/time", "market-time");
        stub("/v5/position/list", "position-list-empty");
        stub("/v5/account/wallet-balance", "account-wallet-balance");
        stub("/v5/execution/list", "execution-list-empty");
        stub("/v5/order/realtime", "order-realtime-new");
        bybit.stubFor(post(urlPathEqualTo("/v5/order/create")).willReturn(json(bybitJson("order-create"))));
        journal = Journal.open(Journal.sqliteUrl(dir));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(BYBIT_NOW), ZoneOffset.UTC);
        BybitVenue venue = BybitVenue.create(new BybitConfig(bybit.baseUrl(), "test-api-key-0001",
                "test-secret-never-logged-9", List.of("BTCUSDT"), 5000, Duration.ofSeconds(1), Duration.ofSeconds(2),
                clock));
        JournalRecorder recorder = new JournalRecorder(journal);
        QuietListener quiet = new QuietListener(recorder);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        AccountCache account = new AccountCache();
        Engine engine = new Engine(Specs.of(venue.instruments()), Limits.hard(Set.of("BTCUSDT")), params(5), outbox,
                quiet, account);
        InnerLoop loop = new InnerLoop(venue, engine, Pacer.live(() -> BYBIT_NOW, 1_000), recorder, quiet, account);
        outbox.bind(loop);
        loop.start(10, List.of());
        return loop;
    }


    private static Params params(int lookback) {
        return SimulatedLoopFixtures.params(1.5, lookback, "bad print");
    }

    private void stub(String path, String fixture) throws IOException {
        bybit.stubFor(get(urlPathEqualTo(path)).willReturn(json(bybitJson(fixture))));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The simulated venue, except that the next ticker of a symbol may carry one bad last price. */
    private static final class BadPrints extends ForwardingVenue {
        private String symbol;
        private double factor;

        BadPrints(Venue sim) {
            super(sim);
        }

        void badPrint(String symbol, double factor) {
            this.symbol = symbol;
            this.factor = factor;
        }

        @Override
        public dev.leash.venue.Ticker ticker(String s) throws dev.leash.venue.VenueException {
            dev.leash.venue.Ticker t = super.ticker(s);
            if (!s.equals(symbol)) {
                return t;
            }
            symbol = null;
            double bad = t.lastPrice() * factor; // the simulated venue's mark is its last price: bad too
            return new dev.leash.venue.Ticker(t.symbol(), t.time(), bad, bad, t.bid(), t.ask(),
                    t.volume24h());
        }
    }

    private static final class MemoryStore implements dev.leash.venue.sim.StateStore {
        private String state;

        @Override
        public String load() {
            return state;
        }

        @Override
        public void save(String s) {
            state = s;
        }
    }
}
