package dev.leash.venue.lmex;

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
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.leash.testsupport.VenueFixtures.lmexJson;
import static dev.leash.venue.lmex.LmexWireMock.CL_ID;
import static dev.leash.venue.lmex.LmexWireMock.NOW;
import static dev.leash.venue.lmex.LmexWireMock.SECRET;
import static dev.leash.venue.lmex.LmexWireMock.assertNoSecret;
import static dev.leash.venue.lmex.LmexWireMock.error;
import static dev.leash.venue.lmex.LmexWireMock.json;
import static dev.leash.venue.lmex.LmexWireMock.ok;
import static dev.leash.venue.lmex.LmexWireMock.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** LMEX under faults: no duplicate orders, never a DELETE without an id, retried reads, bans, bad answers. */
@Timeout(30)
class LmexFaultsTest {

    private static final String ORDER = path("/order");
    private static final String OPEN = path("/user/open_orders");
    private static final String TRADES = path("/user/trade_history");

    private LmexWireMock lmex;
    private WireMockServer wm;
    private LmexVenue venue;

    @BeforeEach
    void start() {
        lmex = new LmexWireMock(false);
        wm = lmex.server;
        lmex.stubMarketData();
        venue = lmex.venue();
        wm.stubFor(get(urlPathEqualTo(OPEN)).willReturn(ok("empty_array")));
        wm.stubFor(get(urlPathEqualTo(TRADES)).willReturn(ok("empty_array")));
    }

    @AfterEach
    void stop() {
        lmex.assertEverySignedRequestIsCorrect();
        lmex.assertNoDeleteWithoutId();
        venue.close();
        lmex.close();
    }

    private static OrderRequest buy(double qty) {
        return new OrderRequest(CL_ID, "BTC-PERP", Side.BUY, OrderType.MARKET, qty, 42_000, false);
    }

    /** The order is unknown until the scenario reaches {@code state}, then shows filled in trade_history. */
    private void tradesAppearIn(String state) {
        wm.stubFor(get(urlPathEqualTo(TRADES)).inScenario("order").whenScenarioStateIs(state)
                .willReturn(ok("trade_history")));
    }

    private List<LoggedRequest> posts() {
        return wm.findAll(postRequestedFor(urlPathEqualTo(ORDER)));
    }

    @Test
    void timeoutOnPlaceWhenTheOrderArrivedIsResolvedByQueryWithExactlyOneOrder() throws Exception {
        tradesAppearIn("arrived");
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order_filled").withFixedDelay(1500)).willSetStateTo("arrived"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.order().filledQty()).isEqualTo(0.002);
        assertThat(r.duplicate()).isFalse();
        assertThat(r.fills()).singleElement().satisfies(f -> assertThat(f.qty()).isEqualTo(0.002));
        assertThat(posts()).hasSize(1);
    }

    @Test
    void timeoutOnPlaceWhenTheOrderNeverArrivedResendsOnceWithTheSameClOrderId() throws Exception {
        tradesAppearIn("arrived");
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("lost"));
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs("lost")
                .willReturn(ok("order_filled")).willSetStateTo("arrived"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isFalse();
        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        List<LoggedRequest> sent = posts();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString())
                .contains("\"clOrderID\":\"" + CL_ID + "\"").contains("\"size\":2");
    }

    @Test
    void serverErrorOnPlaceIsResolvedByQueryNotRetried() throws Exception {
        tradesAppearIn("arrived");
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")).willSetStateTo("arrived"));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void malformedAnswerToPlaceIsResolvedByQuery() throws Exception {
        tradesAppearIn("arrived");
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(json(200, "[{\"status\":4,\"symbol\"")).willSetStateTo("arrived"));

        assertThat(venue.place(buy(0.002)).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void secondUnknownOutcomeFailsClearlyAfterExactlyTwoSends() {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(aResponse().withStatus(503)));

        VenueException e = catchThrowableOfType(VenueException.class, () -> venue.place(buy(0.002)));

        assertThat(e).hasMessageContaining("sent twice");
        assertThat(posts()).hasSize(2);
        assertNoSecret(e);
    }

    @Test
    void placementFailsClearlyWhenItsOutcomeCannotBeLookedUp() {
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("o").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("down"));
        wm.stubFor(get(urlPathEqualTo(OPEN)).inScenario("o").whenScenarioStateIs("down")
                .willReturn(aResponse().withStatus(503)));

        VenueException e = catchThrowableOfType(VenueException.class, () -> venue.place(buy(0.002)));

        assertThat(e).hasMessageContaining("outcome of order " + CL_ID + " is unknown");
        assertThat(posts()).hasSize(1);
        assertNoSecret(e);
    }

    @Test
    void duplicateClOrderIdFoundByQueryIsNotSent() throws Exception {
        wm.stubFor(get(urlPathEqualTo(OPEN)).willReturn(ok("open_orders_partial")));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.duplicate()).isTrue();
        assertThat(r.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(posts()).isEmpty();
    }

    @Test
    void duplicateAnswerFromLmexReturnsTheExistingOrder() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(json(400, error(400, 400, "BAD_REQUEST: duplicate clOrderID")))
                .willSetStateTo("arrived"));
        tradesAppearIn("arrived");

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.duplicate()).isTrue();
        assertThat(r.order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void insufficientBalanceStatus8IsARejectedResult() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(ok("order_insufficient")));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).contains("insufficient balance").contains("status 8");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void rejectedStatus15InHttp200IsARejectedResult() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(ok("order_rejected")));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).contains("status 15").contains("price protection");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void errorJsonInHttp200OnPlaceIsARejectedResult() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(200, error(400, -2, "Invalid size"))));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).contains("Invalid size").contains("errorCode -2");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void errorJsonWithHttp400SayingInsufficientBalanceIsRejected() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(json(400, error(400, 400,
                "BAD_REQUEST: Insufficient balance"))));

        PlaceResult r = venue.place(buy(0.002));

        assertThat(r.rejected()).isTrue();
        assertThat(r.rejectReason()).startsWith("insufficient balance");
    }

    @Test
    void unexpectedStatusOnPlaceIsResolvedByQuery() throws Exception {
        tradesAppearIn("arrived");
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order_unknown")).willSetStateTo("arrived"));

        assertThat(venue.place(buy(0.002)).order().status()).isEqualTo(OrderStatus.FILLED);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void partialFillStatus5IsPartiallyFilledWithItsFills() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order_partial")).willSetStateTo("arrived"));
        tradesAppearIn("arrived");

        PlaceResult r = venue.place(new OrderRequest(CL_ID, "BTC-PERP", Side.BUY, OrderType.LIMIT, 0.01, 42_000.04,
                false));

        assertThat(r.order().status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.order().qty()).isEqualTo(0.01);
        assertThat(r.order().filledQty()).isEqualTo(0.004);
        assertThat(posts().get(0).getBodyAsString()).contains("\"size\":10").contains("\"price\":42000,")
                .contains("\"time_in_force\":\"GTC\"");
    }

    @Test
    void openPartialOrderIsReportedWithFilledAndRemaining() throws Exception {
        wm.stubFor(get(urlPathEqualTo(OPEN)).willReturn(ok("open_orders_partial")));

        var o = venue.order("BTC-PERP", CL_ID);

        assertThat(o.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(o.qty()).isEqualTo(0.01);
        assertThat(o.filledQty()).isEqualTo(0.004);
        assertThat(o.price()).isEqualTo(42000.0);
        wm.verify(exactly(0), getRequestedFor(urlPathEqualTo(TRADES)));
    }

    @Test
    void belowMinimumIsRejectedAndNotSent() throws Exception {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(ok("order_inserted")));
        PlaceResult r = venue.place(buy(0.0019)); // 1.9 contracts of 0.001 -> 1 contract, the minimum

        assertThat(r.rejected()).isFalse();
        assertThat(posts()).singleElement().satisfies(p -> assertThat(p.getBodyAsString()).contains("\"size\":1,"));

        PlaceResult tooSmall = venue.place(new OrderRequest("lsh-small-1", "BTC-PERP",
                Side.BUY, OrderType.MARKET, 0.0009, 42_000, false));

        assertThat(tooSmall.rejected()).isTrue();
        assertThat(tooSmall.rejectReason()).contains("below the minimum").contains("not sent");
        assertThat(posts()).hasSize(1);
    }

    @Test
    void cancelSendsTheClOrderIdAndReadsStatus6() throws Exception {
        wm.stubFor(delete(urlPathEqualTo(ORDER)).willReturn(ok("order_cancelled")));

        assertThat(venue.cancel("BTC-PERP", CL_ID)).isTrue();

        wm.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(ORDER)));
        assertThat(wm.findAll(deleteRequestedFor(urlPathEqualTo(ORDER))).get(0).getUrl())
                .endsWith("?symbol=BTC-PERP&clOrderID=" + CL_ID);
    }

    @Test
    void cancelOfUnknownOrderIsFalseWhetherHttp400OrStatus16() throws Exception {
        wm.stubFor(delete(urlPathEqualTo(ORDER)).inScenario("c").whenScenarioStateIs(STARTED)
                .willReturn(json(400, lmexJson("error_order_not_found"))).willSetStateTo("second"));
        wm.stubFor(delete(urlPathEqualTo(ORDER)).inScenario("c").whenScenarioStateIs("second")
                .willReturn(ok("order_notfound")));

        assertThat(venue.cancel("BTC-PERP", "gone-1")).isFalse();
        assertThat(venue.cancel("BTC-PERP", "gone-1")).isFalse();
    }

    @Test
    void cancelWithoutAnIdIsNeverSent() {
        assertThatThrownBy(() -> venue.cancel("BTC-PERP", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> venue.cancel("BTC-PERP", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> venue.cancel("BTC-PERP", "a&clOrderID=")).isInstanceOf(IllegalArgumentException.class);

        wm.verify(exactly(0), deleteRequestedFor(urlPathEqualTo(ORDER)));
    }

    @Test
    void readsAreRetriedAfter5xx() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).inScenario("w").whenScenarioStateIs("up")
                .willReturn(ok("user_wallet")));

        assertThat(venue.account().equity()).isEqualTo(10050.25);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(path("/user/wallet"))));
    }

    @Test
    void readsAreRetriedAfterAConnectionReset() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/price"))).inScenario("p").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo(path("/price"))).inScenario("p").whenScenarioStateIs("up")
                .willReturn(ok("price")));

        assertThat(venue.ticker("BTC-PERP").markPrice()).isEqualTo(42015.3);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(path("/price"))));
    }

    @Test
    void errorJsonWith5xxStatusInHttp200IsRetriedForReads() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).inScenario("w").whenScenarioStateIs(STARTED)
                .willReturn(json(200, error(503, 503, "SERVICE_UNAVAILABLE"))).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).inScenario("w").whenScenarioStateIs("up")
                .willReturn(ok("user_wallet")));

        assertThat(venue.account().availableBalance()).isEqualTo(9800.75);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(path("/user/wallet"))));
    }

    @Test
    void waitsForRetryAfterOn429() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/price"))).inScenario("p").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("up"));
        wm.stubFor(get(urlPathEqualTo(path("/price"))).inScenario("p").whenScenarioStateIs("up")
                .willReturn(ok("price")));

        long t0 = System.nanoTime();
        venue.ticker("BTC-PERP");
        long waited = (System.nanoTime() - t0) / 1_000_000;

        assertThat(waited).isBetween(900L, 2_900L);
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo(path("/price"))));
    }

    @Test
    void rateLimitOnPlaceIsAnErrorAndNotResent() {
        wm.stubFor(post(urlPathEqualTo(ORDER)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")));

        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.place(buy(0.002)));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(posts()).hasSize(1);
    }

    @Test
    void ipBanFailsFastAndIsVisible() {
        wm.stubFor(get(urlPathEqualTo(path("/price"))).willReturn(aResponse().withStatus(403)));

        HttpVenueException first = catchThrowableOfType(HttpVenueException.class, () -> venue.ticker("BTC-PERP"));
        HttpVenueException second = catchThrowableOfType(HttpVenueException.class, () -> venue.place(buy(0.002)));

        assertThat(first.kind()).isEqualTo(Kind.BANNED);
        assertThat(second.kind()).isEqualTo(Kind.BANNED);
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(path("/price"))));
        assertThat(posts()).isEmpty();
        assertThat(venue.health().degraded(NOW)).isTrue();
        assertThat(lmex.health).anySatisfy(h -> assertThat(h.bannedUntilMillis()).isPositive());
    }

    @Test
    void malformedJsonIsAClearVenueException() {
        wm.stubFor(get(urlPathEqualTo(path("/user/positions"))).willReturn(json(200, "[{\"symbol\":")));

        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.positions());

        assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
        assertThat(e).hasMessageContaining("lmex GET /api/v2.3/user/positions").hasMessageContaining("not JSON");
    }

    @Test
    void authErrorIsNotRetriedAndNeverShowsTheSecret() {
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).willReturn(json(401, error(401, 401,
                "UNAUTHORIZED: invalid signature"))));

        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> venue.account());

        assertThat(e.kind()).isEqualTo(Kind.REFUSED);
        assertThat(e).hasMessageContaining("HTTP 401");
        assertNoSecret(e);
        wm.verify(exactly(1), getRequestedFor(urlPathEqualTo(path("/user/wallet"))));
    }

    @Test
    void errorMessageEchoingTheSecretIsRedacted() {
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).willReturn(json(200, error(400, -2,
                "bad sign for secret " + SECRET))));

        LmexException e = catchThrowableOfType(LmexException.class, () -> venue.account());

        assertThat(e.errorCode()).isEqualTo(-2);
        assertNoSecret(e);
    }

    @Test
    void emptyPagesAreEmptyLists() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/user/positions"))).willReturn(ok("empty_array")));

        assertThat(venue.positions()).isEmpty();
        assertThat(venue.openOrders()).isEmpty();
        assertThat(venue.fills(NOW - 3_600_000L, NOW)).isEmpty();
        assertThat(venue.order("BTC-PERP", "never-sent-1")).isNull();
    }

    @Test
    void secretNeverAppearsInTheVenueOrItsConfig() {
        assertThat(venue.toString()).doesNotContain(SECRET);
        assertThat(lmex.config().toString()).doesNotContain(SECRET);
    }
}
