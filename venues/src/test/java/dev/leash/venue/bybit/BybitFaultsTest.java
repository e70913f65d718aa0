package dev.leash.venue.bybit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.leash.venue.bybit.BybitWireMock.LINK_ID;
import static dev.leash.venue.bybit.BybitWireMock.NOW;
import static dev.leash.venue.bybit.BybitWireMock.assertNoSecret;
import static dev.leash.venue.bybit.BybitWireMock.assertSignedCorrectly;
import static dev.leash.venue.bybit.BybitWireMock.ok;
import static dev.leash.venue.bybit.BybitWireMock.retCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bybit under faults: no duplicate orders, retried reads, bans, bad answers and error codes. */
@Timeout(30)
class BybitFaultsTest {

    private static final String CREATE = "/v5/order/create";

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
        for (var e : wm.getAllServeEvents()) {
            if (e.getRequest().getHeader("X-BAPI-SIGN") != null) {
                assertSignedCorrectly(e.getRequest());
            }
        }
        venue.close();
        bybit.close();
    }

    private static OrderRequest buy(double qty) {
        return new OrderRequest(LINK_ID, "BTCUSDT", Side.BUY, OrderType.MARKET, qty, 42_000, false);
    }

    private void orderUnknownUntil(String state) {
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-empty")));
        wm.stubFor(get(urlPathEqualTo("/v5/order/history")).willReturn(ok("order-realtime-empty")));
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).inScenario("order").whenScenarioStateIs(state)
                .willReturn(ok("order-realtime-filled")));
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list")));
    }

    private List<LoggedRequest> creates() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void resolvesTimedOutPlacementByQueryingTheOrderLinkId() throws Exception {
        orderUnknownUntil("placed");
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order-create").withFixedDelay(1500)).willSetStateTo("placed"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.order().clientOrderId()).isEqualTo(LINK_ID);
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.qty()).isEqualTo(0.002));
        assertThat(creates()).hasSize(1);
    }

    @Test
    void resendsOnceWithTheSameOrderLinkIdWhenTheTimedOutOrderNeverArrived() throws Exception {
        orderUnknownUntil("placed");
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("lost"));
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs("lost")
                .willReturn(ok("order-create")).willSetStateTo("placed"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isFalse();
        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        List<LoggedRequest> sent = creates();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString())
                .contains("\"orderLinkId\":\"" + LINK_ID + "\"");
    }

    @Test
    void resendAnsweredAsDuplicateReturnsTheOrderThatArrivedLate() throws Exception {
        orderUnknownUntil("arrived");
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("late"));
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs("late")
                .willReturn(retCode(110072, "OrderLinkedID is duplicate")).willSetStateTo("arrived"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(creates()).hasSize(2);
    }

    @Test
    void placementIsNotRetriedAfter5xxButResolvedByQuery() throws Exception {
        orderUnknownUntil("placed");
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")).willSetStateTo("placed"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void unreadableAnswerToPlacementIsResolvedByQuery() throws Exception {
        orderUnknownUntil("placed");
        wm.stubFor(post(urlPathEqualTo(CREATE)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(200).withBody("<html>gateway</html>")).willSetStateTo("placed"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void placementFailsClearlyWhenItsOutcomeCannotBeLookedUp() {
        wm.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(503)));
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(aResponse().withStatus(503)));

        VenueException e = catchThrowableOfType(VenueException.class, () -> venue.place(buy(0.002)));

        assertThat(e).hasMessageContaining("outcome of order " + LINK_ID + " is unknown");
        assertThat(creates()).hasSize(1);
        assertNoSecret(e);
    }

    @Test
    void duplicateOrderLinkIdReturnsTheExistingOrder() throws Exception {
        orderUnknownUntil(STARTED);
        wm.stubFor(post(urlPathEqualTo(CREATE)).willReturn(retCode(110072, "OrderLinkedID is duplicate")));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.duplicate()).isTrue();
        assertThat(r.order().venueOrderId()).isEqualTo("1321003749386327552");
        assertThat(creates()).hasSize(1);
    }

    @Test
    void insufficientBalanceIsARejectedResult() throws Exception {
        wm.stubFor(post(urlPathEqualTo(CREATE)).willReturn(retCode(110007, "ab not enough for new order")));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).contains("insufficient balance").contains("110007");
        assertThat(creates()).hasSize(1);
    }

    @Test
    void readsAreRetriedAfter5xx() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).inScenario("t").whenScenarioStateIs("up")
                .willReturn(ok("market-tickers")));

        assertThat(venue.ticker("BTCUSDT").lastPrice()).isEqualTo(42020.1);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
    }

    @Test
    void readsAreRetriedAfterAConnectionReset() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).inScenario("w").whenScenarioStateIs("up")
                .willReturn(ok("account-wallet-balance")));

        assertThat(venue.account().equity()).isEqualTo(10050.25);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance")));
    }

    @Test
    void readsGiveUpAfterTheConfiguredAttempts() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(500)));

        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.ticker("BTCUSDT"));

        assertThat(e.kind()).isEqualTo(Kind.SERVER);
        wm.verify(exactly(3), getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
    }

    @Test
    void waitsForRetryAfterOn429() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).inScenario("t").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).inScenario("t").whenScenarioStateIs("up")
                .willReturn(ok("market-tickers")));

        long t0 = System.nanoTime();
        venue.ticker("BTCUSDT");
        long waited = (System.nanoTime() - t0) / 1_000_000;

        assertThat(waited).isBetween(900L, 2_900L);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
    }

    @Test
    void doesNotWaitForARetryAfterBeyondTheBound() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")));

        long t0 = System.nanoTime();
        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.ticker("BTCUSDT"));

        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000L);
        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e.retryAfterMillis()).isEqualTo(120_000L);
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
    }

    @Test
    void ipBanFailsFastAndIsVisible() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(403)));

        HttpVenueException first = catchThrowableOfType(HttpVenueException.class, () -> venue.ticker("BTCUSDT"));
        HttpVenueException second = catchThrowableOfType(HttpVenueException.class, () -> venue.account());

        assertThat(first.kind()).isEqualTo(Kind.BANNED);
        assertThat(first).hasMessageContaining("banned this IP");
        assertThat(second.kind()).isEqualTo(Kind.BANNED);
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v5/market/tickers")));
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance")));
        assertThat(venue.health().bannedUntilMillis()).isEqualTo(NOW + 600_000L);
        assertThat(venue.health().degraded(NOW)).isTrue();
        assertThat(bybit.health).anySatisfy(h -> assertThat(h.bannedUntilMillis()).isPositive());
    }

    @Test
    void malformedJsonIsAClearVenueException() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(200)
                .withBody("{\"retCode\":0,\"result\":{\"list\":[{\"symbol\"")));

        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.ticker("BTCUSDT"));

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e).hasMessageContaining("bybit GET /v5/market/tickers").hasMessageContaining("not JSON");
    }

    @Test
    void badSignatureIsNotRetriedAndSaysWhatToCheck() {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).willReturn(retCode(10004,
                "error sign! origin_string[" + NOW + BybitWireMock.KEY + "5000accountType=UNIFIED]")));

        BybitException e = catchThrowableOfType(BybitException.class, () -> venue.account());

        assertThat(e.retCode()).isEqualTo(10004);
        assertThat(e).hasMessageContaining("LEASH_BYBIT_API_SECRET").hasMessageNotContaining(BybitWireMock.KEY);
        assertNoSecret(e);
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance")));
    }

    @Test
    void invalidKeyOnPlaceIsAnErrorThatSaysWhichKey() {
        wm.stubFor(post(urlPathEqualTo(CREATE)).willReturn(retCode(10003, "API key is invalid.")));

        BybitException e = catchThrowableOfType(BybitException.class, () -> venue.place(buy(0.002)));

        assertThat(e.retCode()).isEqualTo(10003);
        assertThat(e).hasMessageContaining("LEASH_BYBIT_API_KEY");
        assertNoSecret(e);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void timestampWindowErrorSyncsTheClockAndRetriesOnce() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(retCode(10002, "invalid request, please check your server timestamp or recv_window"))
                .willSetStateTo("synced"));
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).inScenario("w").whenScenarioStateIs("synced")
                .willReturn(ok("account-wallet-balance")));

        assertThat(venue.account().availableBalance()).isEqualTo(9800.75);

        List<LoggedRequest> sent = wm.findAll(getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getHeader("X-BAPI-TIMESTAMP")).isEqualTo(Long.toString(NOW));
        assertThat(sent.get(1).getHeader("X-BAPI-TIMESTAMP")).isEqualTo(Long.toString(NOW + 30_000));
        assertThat(venue.clockOffsetMillis()).isEqualTo(30_000);
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v5/market/time")));
    }

    @Test
    void timestampWindowErrorRetriesOnlyOnce() {
        wm.stubFor(get(urlPathEqualTo("/v5/account/wallet-balance")).willReturn(retCode(10002, "bad timestamp")));

        BybitException e = catchThrowableOfType(BybitException.class, () -> venue.account());

        assertThat(e.retCode()).isEqualTo(10002);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance")));
    }

    @Test
    void partialFillReportsFilledAndLeavesOpen() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-partial")));

        var o = venue.order("BTCUSDT", LINK_ID);

        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.qty()).isEqualTo(0.010);
        assertThat(o.filledQty()).isEqualTo(0.004);
        assertThat(o.price()).isEqualTo(42000.0);
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v5/order/history")));
    }

    @Test
    void breakerOpensAfterFiveFailedCallsAndFailsFast() {
        wm.stubFor(get(urlPathEqualTo("/v5/market/tickers")).willReturn(aResponse().withStatus(503)));

        for (int i = 0; i < 5; i++) {
            catchThrowableOfType(HttpVenueException.class, () -> venue.ticker("BTCUSDT"));
        }
        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.account());

        assertThat(e.kind()).isEqualTo(Kind.CIRCUIT_OPEN);
        assertThat(venue.health().breakerState()).isEqualTo("OPEN");
        assertThat(bybit.health).extracting(h -> h.breakerState()).containsExactly("OPEN");
        wm.verify(exactly(15), getRequestedFor(urlPathEqualTo("/v5/market/tickers"))); // 5 calls x 3 attempts
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo("/v5/account/wallet-balance")));
    }

    @Test
    void secretNeverAppearsInTheVenueOrItsConfig() {
        assertThat(venue.toString()).doesNotContain(BybitWireMock.SECRET);
        assertThat(bybit.config().toString()).doesNotContain(BybitWireMock.SECRET);
    }
}
