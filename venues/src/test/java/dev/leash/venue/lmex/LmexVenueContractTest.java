package dev.leash.venue.lmex;

import dev.leash.venue.Venue;
import dev.leash.venue.VenueContract;
import org.junit.jupiter.api.AfterEach;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.leash.testsupport.VenueFixtures.lmexJson;
import static dev.leash.venue.lmex.LmexWireMock.CL_ID;
import static dev.leash.venue.lmex.LmexWireMock.NOW;
import static dev.leash.venue.lmex.LmexWireMock.json;
import static dev.leash.venue.lmex.LmexWireMock.ok;
import static dev.leash.venue.lmex.LmexWireMock.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The venue contract against the LMEX adapter talking to WireMock: a stateful scenario in which the order does not
 * exist until it is posted, then has filled (it is gone from open_orders and shows in trade_history) and moved the
 * position. A second placement with the same clOrderID finds it first and sends nothing. The path is signed with
 * the {@code /futures} prefix here; the faults suite signs without it.
 */
class LmexVenueContractTest extends VenueContract {

    private LmexWireMock lmex;

    @Override
    protected Venue open() {
        lmex = new LmexWireMock(true);
        lmex.stubMarketData();
        var s = lmex.server;
        s.stubFor(get(urlPathEqualTo(path("/user/open_orders"))).willReturn(ok("empty_array")));
        s.stubFor(get(urlPathEqualTo(path("/user/trade_history"))).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("empty_array")));
        s.stubFor(get(urlPathEqualTo(path("/user/positions"))).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("empty_array")));
        s.stubFor(post(urlPathEqualTo(path("/order"))).inScenario("order").whenScenarioStateIs(STARTED)
                .willReturn(ok("order_filled")).willSetStateTo("filled"));
        s.stubFor(get(urlPathEqualTo(path("/user/trade_history"))).inScenario("order").whenScenarioStateIs("filled")
                .willReturn(ok("trade_history")));
        s.stubFor(get(urlPathEqualTo(path("/user/positions"))).inScenario("order").whenScenarioStateIs("filled")
                .willReturn(ok("user_positions")));
        s.stubFor(delete(urlPathEqualTo(path("/order")))
                .willReturn(json(400, lmexJson("error_order_not_found"))));
        return lmex.venue();
    }

    @AfterEach
    void checkWireAndStop() {
        lmex.assertEverySignedRequestIsCorrect();
        lmex.assertNoDeleteWithoutId();
        assertThat(lmex.server.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo(path("/order"))))).hasSizeLessThanOrEqualTo(1);
        lmex.close();
    }

    @Override
    protected String symbol() {
        return "BTC-PERP";
    }

    @Override
    protected long now() {
        return NOW;
    }

    @Override
    protected String clientOrderId() {
        return CL_ID;
    }
}
