package dev.leash.venue.bybit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.venue.Candle;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.leash.venue.bybit.BybitWireMock.LINK_ID;
import static dev.leash.venue.bybit.BybitWireMock.NOW;
import static dev.leash.venue.bybit.BybitWireMock.assertSignedCorrectly;
import static dev.leash.venue.bybit.BybitWireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;

/** Bybit answers mapped onto the venue records, pagination, and what placement sends. */
@Timeout(30)
class BybitReadsTest {

    private static final long BAR = Candle.INTERVAL_MILLIS;
    private static final long DAY = 86_400_000L;

    private BybitWireMock bybit;
    private WireMockServer wm;
    private BybitVenue venue;

    @BeforeEach
    void start() {
        bybit = new BybitWireMock();
        wm = bybit.server;
        bybit.stubMarketData();
        venue = bybit.venue();
    }

    @AfterEach
    void stop() {
        venue.close();
        bybit.close();
    }

    @Test
    void candlesAreOldestFirstWithTheBarInProgressDropped() throws Exception {
        List<Candle> candles = venue.candles("BTCUSDT", NOW - 3_600_000L, NOW + BAR);

        assertThat(candles).extracting(Candle::openTime)
                .containsExactly(1_704_069_000_000L, 1_704_069_300_000L, 1_704_069_600_000L);
        assertThat(candles.get(2)).isEqualTo(new Candle("BTCUSDT", 1_704_069_600_000L, 41990, 42015.5, 41980,
                42010.5, 12.25));
        wm.verify(getRequestedFor(urlPathEqualTo("/v5/market/kline")).withQueryParam("interval", equalTo("5"))
                .withQueryParam("category", equalTo("linear")));
    }

    @Test
    void fundingComesFromTheTickerAndHistoryIsOldestFirst() throws Exception {
        FundingRate now = venue.funding("BTCUSDT");
        List<FundingRate> history = venue.fundingHistory("BTCUSDT", NOW - DAY, NOW);

        assertThat(now).isEqualTo(new FundingRate("BTCUSDT", 0.0001, NOW, 1_704_096_000_000L));
        assertThat(history).extracting(FundingRate::time)
                .containsExactly(1_704_009_600_000L, 1_704_038_400_000L, 1_704_067_200_000L);
        assertThat(history).extracting(FundingRate::rate).containsExactly(-0.00005, 0.00012, 0.0001);
        wm.verify(getRequestedFor(urlPathEqualTo("/v5/market/funding/history"))
                .withQueryParam("startTime", equalTo(Long.toString(NOW - DAY)))
                .withQueryParam("endTime", equalTo(Long.toString(NOW - 1))));
    }

    @Test
    void instrumentsAreFilteredToTheSymbolsAndCached() throws Exception {
        venue.instruments();
        List<Instrument> instruments = venue.instruments();

        assertThat(instruments).containsExactly(new Instrument("BTCUSDT", 0.1, 0.001, 0.001, 5),
                new Instrument("ETHUSDT", 0.01, 0.01, 0.01, 5));
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v5/market/instruments-info")));
        venue.funding("BTCUSDT");
        venue.funding("BTCUSDT");
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
    }

    @Test
    void accountReadsTheUnifiedWallet() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).willReturn(ok("account-wallet-balance")));

        var a = venue.account();

        assertThat(a.equity()).isEqualTo(10050.25);
        assertThat(a.walletBalance()).isEqualTo(10000.25);
        assertThat(a.availableBalance()).isEqualTo(9800.75);
        assertThat(a.unrealizedPnl()).isEqualTo(50);
        wm.verify(getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance"))
                .withQueryParam("accountType", equalTo("UNIFIED")));
    }

    @Test
    void paginationSendsTheCursorAsReceivedAndSignsExactlyTheSentQuery() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/position/list")).withQueryParam("cursor", absent())
                .willReturn(ok("position-list-page1")));
        wm.stubFor(get(urlPathEqualTo("/v5/position/list")).withQueryParam("cursor", equalTo(
                "page_args=BTCUSDT&symbol=6&")).willReturn(ok("position-list-page2")));

        List<Position> positions = venue.positions();

        assertThat(positions).containsExactly(new Position("BTCUSDT", 0.002, 42000.5, 42018.7, 0.0364),
                new Position("ETHUSDT", -0.5, 2250.1, 2240, 5.05));
        List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo("/v5/position/list")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getUrl()).endsWith("&cursor=page_args%3DBTCUSDT%26symbol%3D6%26")
                .doesNotContain("%253D");
        sent.forEach(BybitWireMock::assertSignedCorrectly);
    }

    @Test
    void emptyPagesGiveEmptyLists() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/position/list")).willReturn(ok("position-list-empty")));
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-empty")));
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list-empty")));

        assertThat(venue.positions()).isEmpty();
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.fills(NOW - DAY, NOW)).isEmpty();
    }

    @Test
    void flatPositionsAreLeftOut() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/position/list")).willReturn(ok("position-list")));

        assertThat(venue.positions()).extracting(Position::symbol).containsExactly("BTCUSDT");
    }

    @Test
    void openOrdersKeepOnlyOpenOnes() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-partial")));

        assertThat(venue.openOrders()).singleElement().satisfies(o -> assertThat(o.filledQty()).isEqualTo(0.004));
        wm.verify(getRequestedFor(urlPathEqualTo("/v5/order/realtime")).withQueryParam("settleCoin", equalTo("USDT")));
    }

    @Test
    void fillsAreAskedForInWindowsOfAtMostSevenDays() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list")));

        var fills = venue.fills(NOW - 10 * DAY, NOW + 1);

        assertThat(fills).hasSize(1); // WireMock answers both windows with the same execution: kept once
        List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo("/v5/execution/list")));
        assertThat(sent).hasSize(2);
        for (LoggedRequest r : sent) {
            long start = Long.parseLong(r.queryParameter("startTime").firstValue());
            long end = Long.parseLong(r.queryParameter("endTime").firstValue());
            assertThat(end - start).isLessThan(7 * DAY);
        }
        var f = fills.get(0);
        assertThat(f.clientOrderId()).isEqualTo(LINK_ID);
        assertThat(f.price()).isEqualTo(42000.5);
        assertThat(f.fee()).isEqualTo(0.046);
        assertThat(f.side()).isEqualTo(Side.BUY);
    }

    @Test
    void placementRoundsQuantityAndPriceToTheInstrumentBeforeSending() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/v5/order/create")).willReturn(ok("order-create")));
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-new")));

        PlaceResult r = venue.place(new OrderRequest(LINK_ID, "BTCUSDT", Side.BUY, OrderType.LIMIT, 0.0029999,
                41000.04, false));

        assertThat(r.rejected()).isFalse();
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/v5/order/create"))).get(0);
        assertThat(sent.getBodyAsString()).isEqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"side\":\"Buy\","
                + "\"orderType\":\"Limit\",\"qty\":\"0.002\",\"price\":\"41000.0\",\"timeInForce\":\"GTC\","
                + "\"reduceOnly\":false,\"orderLinkId\":\"" + LINK_ID + "\"}");
        assertSignedCorrectly(sent);
    }

    @Test
    void quantityBelowTheMinimumIsRejectedWithoutSending() throws Exception {
        PlaceResult r = venue.place(new OrderRequest(LINK_ID, "BTCUSDT", Side.SELL, OrderType.MARKET, 0.0009,
                42000, true));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).contains("below the minimum order quantity 0.001");
        wm.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v5/order/create")));
    }

    @Test
    void notionalBelowTheMinimumIsRejectedWithoutSending() throws Exception {
        PlaceResult r = venue.place(new OrderRequest(LINK_ID, "ETHUSDT", Side.BUY, OrderType.MARKET, 0.01,
                250, false));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).contains("notional");
        wm.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v5/order/create")));
    }

    @Test
    void cancelSendsTheOrderLinkId() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/v5/order/cancel")).willReturn(ok("order-cancel")));

        assertThat(venue.cancel("BTCUSDT", LINK_ID)).isTrue();
        LoggedRequest sent = wm.findAll(postRequestedFor(urlPathEqualTo("/v5/order/cancel"))).get(0);
        assertThat(sent.getBodyAsString())
                .isEqualTo("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"orderLinkId\":\"" + LINK_ID + "\"}");
        assertSignedCorrectly(sent);
    }

    @Test
    void closedOrderIsFoundInTheHistory() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-empty")));
        wm.stubFor(get(urlPathEqualTo("/v5/order/history")).withQueryParam("orderLinkId", equalTo(LINK_ID))
                .willReturn(ok("order-realtime-filled")));

        assertThat(venue.order("BTCUSDT", LINK_ID).filledQty()).isEqualTo(0.002);
    }
}
