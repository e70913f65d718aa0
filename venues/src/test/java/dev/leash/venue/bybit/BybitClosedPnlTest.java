package dev.leash.venue.bybit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.venue.Fill;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.leash.venue.bybit.BybitWireMock.NOW;
import static dev.leash.venue.bybit.BybitWireMock.assertSignedCorrectly;
import static dev.leash.venue.bybit.BybitWireMock.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Bybit fills carry the venue's realized P&L: the execution list has none, so a closing execution takes its share
 * (by closed size) of its order's closed-pnl record, the record's exit value less its entry value (before fees,
 * which each fill carries itself). Fixtures: a long of 0.003 BTC opened at 42000 and closed at 42500 in two fills.
 */
@Timeout(30)
class BybitClosedPnlTest {

    private static final long DAY = 86_400_000L;
    private static final String OPEN = "5f1c0a8e-0000-4000-8000-00000000000a";
    private static final String CLOSE_1 = "5f1c0a8e-0000-4000-8000-00000000000b";
    private static final String CLOSE_2 = "5f1c0a8e-0000-4000-8000-00000000000c";

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
    void closingFillsCarryTheVenuesRealizedPnlSharedByClosedSize() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list-closing")));
        wm.stubFor(get(urlPathEqualTo("/v5/position/closed-pnl")).willReturn(ok("position-closed-pnl")));

        Map<String, Fill> fills = byId(venue.fills(NOW - DAY, NOW));

        assertThat(fills.get(OPEN).realizedPnl()).isZero();
        assertThat(fills.get(CLOSE_1).realizedPnl()).isCloseTo(1.0, within(1e-9));
        assertThat(fills.get(CLOSE_2).realizedPnl()).isCloseTo(0.5, within(1e-9));
        assertThat(fills.get(CLOSE_1).fee()).isEqualTo(0.04675);
        List<LoggedRequest> asked = wm.findAll(getRequestedFor(urlPathEqualTo("/v5/position/closed-pnl")));
        assertThat(asked).isNotEmpty().allSatisfy(r -> {
            assertThat(r.queryParameter("category").firstValue()).isEqualTo("linear");
            assertSignedCorrectly(r);
        });
    }

    @Test
    void aCloseWhoseRecordBybitHasNotPublishedYetHasAnUnknownPnlNotZero() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list-closing")));
        wm.stubFor(get(urlPathEqualTo("/v5/position/closed-pnl")).willReturn(ok("position-closed-pnl-empty")));

        Map<String, Fill> fills = byId(venue.fills(NOW - DAY, NOW));

        assertThat(fills.get(OPEN).realizedPnl()).isZero();
        assertThat(fills.get(CLOSE_1).realizedPnl()).isNaN();
        assertThat(fills.get(CLOSE_2).realizedPnl()).isNaN();
    }

    @Test
    void fillsWithoutACloseNeverAskForClosedPnl() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list")));

        assertThat(venue.fills(NOW - DAY, NOW)).singleElement().extracting(Fill::realizedPnl).isEqualTo(0.0);
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v5/position/closed-pnl")));
    }

    @Test
    void aClosingOrderComesBackFromPlacementWithItsRealizedPnl() throws Exception {
        wm.stubFor(post(urlPathEqualTo("/v5/order/create")).willReturn(ok("order-create")));
        wm.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(ok("order-realtime-filled-close")));
        wm.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(ok("execution-list-close-order")));
        wm.stubFor(get(urlPathEqualTo("/v5/position/closed-pnl")).willReturn(ok("position-closed-pnl")));

        PlaceResult r = venue.place(new OrderRequest("lsh-BTCUSDT-5680010-0", "BTCUSDT", Side.SELL, OrderType.MARKET,
                0.003, 42_500, true));

        assertThat(r.fills()).hasSize(2);
        assertThat(r.fills().get(0).realizedPnl()).isCloseTo(1.0, within(1e-9));
        assertThat(r.fills().get(1).realizedPnl()).isCloseTo(0.5, within(1e-9));
    }

    private static Map<String, Fill> byId(List<Fill> fills) {
        return fills.stream().collect(Collectors.toMap(Fill::fillId, f -> f));
    }
}
