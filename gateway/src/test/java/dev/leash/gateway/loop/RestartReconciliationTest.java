package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.engine.Action;
import dev.leash.engine.Engine;
import dev.leash.engine.OrderIntent;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.venue.bybit.BybitConfig;
import dev.leash.venue.bybit.BybitVenue;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.TreeMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway killed after journaling an order and before the venue answered starts again against a venue (WireMock
 * Bybit) that did take the order: the order is found by its client order id and not sent again, its fill is
 * journaled once, the engine holds the venue's position, and an order at the venue the gateway never sent is
 * reported but left alone.
 */
@Timeout(30)
class RestartReconciliationTest {

    private static final long NOW = 1_704_070_000_000L;
    private static final String ID = "lsh-BTCUSDT-42";

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Journal journal;
    private BybitVenue venue;

    @BeforeEach
    void venueThatTookTheOrder() throws IOException {
        bybit.start();
        stub("/v5/market/instruments-info", bybitJson("market-instruments-info"));
        stub("/v5/market/tickers", bybitJson("market-tickers"));
        stub("/v5/market/kline", bybitJson("market-kline"));
        stub("/v5/market/time", bybitJson("market-time"));
        stub("/v5/position/list", bybitJson("position-list"));
        stub("/v5/account/wallet-balance", bybitJson("account-wallet-balance"));
        stub("/v5/execution/list", bybitJson("execution-list"));
        bybit.stubFor(get(urlPathEqualTo("/v5/order/realtime")).withQueryParam("orderLinkId", equalTo(ID))
                .willReturn(json(bybitJson("order-realtime-filled"))));
        bybit.stubFor(get(urlPathEqualTo("/v5/order/realtime")).withQueryParam("settleCoin", equalTo("USDT"))
                .willReturn(json(bybitJson("order-realtime-new").replace(ID, "manual-trader-order-1"))));
        journal = Journal.open(Journal.sqliteUrl(dir));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        BybitConfig cfg = new BybitConfig(bybit.baseUrl(), "test-api-key-0001", "test-secret-never-logged-9",
                List.of("BTCUSDT", "ETHUSDT"), 5000, Duration.ofSeconds(1), Duration.ofSeconds(2), clock);
        venue = BybitVenue.create(cfg);
    }

    @AfterEach
    void stop() {
        venue.close();
        journal.close();
        bybit.stop();
    }

    @Test
    void orderLeftInFlightByACrashIsFoundNotResentAndTheJournalCatchesUp() throws Exception {
        OrderIntent inFlight = new OrderIntent(NOW - 20_000, ID, "BTCUSDT", 0.002, 42_000, false, Action.ENTER_LONG, 3);
        journal.recordOrder(inFlight, "SENDING", null, null, inFlight.time()); // what the killed run left

        JournalRecorder recorder = new JournalRecorder(journal);
        QuietListener quiet = new QuietListener(recorder);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        AccountCache account = new AccountCache();
        Engine engine = new Engine(Specs.of(venue.instruments()), Limits.hard(Set.of("BTCUSDT", "ETHUSDT")), params(),
                outbox, quiet, account);
        InnerLoop loop = new InnerLoop(venue, engine, Pacer.live(() -> NOW, 1_000), recorder, quiet, account);
        outbox.bind(loop);
        loop.start(4, List.of(inFlight));

        assertThat(journal.order(ID)).get().extracting(OrderRecord::status).isEqualTo("FILLED");
        assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).singleElement().satisfies(f -> {
            assertThat(f.clientOrderId()).isEqualTo(ID);
            assertThat(f.qty()).isEqualTo(0.002);
        });
        assertThat(engine.position(engine.indexOf("BTCUSDT"))).isEqualTo(0.002);
        assertThat(account.getAsDouble()).isPositive();

        OrderReconciler reconciler = new OrderReconciler(venue, journal, recorder);
        int differences = reconciler.reconcile(NOW, 3);
        int again = reconciler.reconcile(NOW, 3);

        assertThat(differences).isEqualTo(1);
        assertThat(again).isZero(); // reported once
        assertThat(journal.events("reconcile", 10)).extracting(e -> e.message())
                .anyMatch(m -> m.contains("manual-trader-order-1") && m.contains("left alone"));
        assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).hasSize(1);
        bybit.verify(0, postRequestedFor(urlPathMatching("/v5/order/.*")));
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        symbols.put("ETHUSDT", new SymbolParams(true, 1.0));
        return new Params(3, 1.0, 1.5, null, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "restart",
                Instant.EPOCH);
    }

    private void stub(String path, String body) {
        bybit.stubFor(get(urlPathEqualTo(path)).willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
