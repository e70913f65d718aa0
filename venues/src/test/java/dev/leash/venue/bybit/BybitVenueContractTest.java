package dev.leash.venue.bybit;

import dev.leash.venue.Venue;
import dev.leash.venue.VenueContract;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.leash.venue.bybit.BybitWireMock.LINK_ID;
import static dev.leash.venue.bybit.BybitWireMock.NOW;
import static dev.leash.venue.bybit.BybitWireMock.ok;
import static dev.leash.venue.bybit.BybitWireMock.retCode;

/**
 * The venue contract against the Bybit adapter talking to WireMock: a stateful scenario in which the order does
 * not exist until it is created, then is filled, has an execution and moves the position; a second create with the
 * same orderLinkId is refused as a duplicate (110072).
 */
class BybitVenueContractTest extends VenueContract {

    private BybitWireMock bybit;

    @Override
    protected Venue open() {
        bybit = new BybitWireMock();
        bybit.stubMarketData();
        var s = bybit.server;
        s.stubFor(get(urlPathEqualTo("/v5/order/realtime")).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order-realtime-empty")));
        s.stubFor(get(urlPathEqualTo("/v5/order/history")).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order-realtime-empty")));
        s.stubFor(get(urlPathEqualTo("/v5/position/list")).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("position-list-empty")));
        s.stubFor(get(urlPathEqualTo("/v5/execution/list")).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("execution-list-empty")));
        s.stubFor(post(urlPathEqualTo("/v5/order/create")).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order-create")).willSetStateTo("placed"));
        s.stubFor(get(urlPathEqualTo("/v5/order/realtime")).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(ok("order-realtime-filled")));
        s.stubFor(get(urlPathEqualTo("/v5/position/list")).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(ok("position-list")));
        s.stubFor(get(urlPathEqualTo("/v5/execution/list")).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(ok("execution-list")));
        s.stubFor(post(urlPathEqualTo("/v5/order/create")).inScenario("order").whenScenarioStateIs("placed")
                .willReturn(retCode(110072, "OrderLinkedID is duplicate")));
        s.stubFor(post(urlPathEqualTo("/v5/order/cancel"))
                .willReturn(retCode(110001, "order not exists or too late to cancel")));
        return bybit.venue();
    }

    @AfterEach
    void stopWireMock() {
        bybit.server.getAllServeEvents().forEach(e -> {
            if (e.getRequest().getHeader("X-BAPI-SIGN") != null) {
                BybitWireMock.assertSignedCorrectly(e.getRequest());
            }
        });
        bybit.close();
    }

    @Override
    protected String symbol() {
        return "BTCUSDT";
    }

    @Override
    protected long now() {
        return NOW;
    }

    @Override
    protected String clientOrderId() {
        return LINK_ID;
    }
}
