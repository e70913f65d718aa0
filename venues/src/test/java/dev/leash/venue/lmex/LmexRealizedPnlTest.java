package dev.leash.venue.lmex;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.venue.Fill;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.leash.venue.lmex.LmexWireMock.NOW;
import static dev.leash.venue.lmex.LmexWireMock.ok;
import static dev.leash.venue.lmex.LmexWireMock.path;
import static org.assertj.core.api.Assertions.assertThat;

/** LMEX reports a trade's realized P&L in trade_history ({@code realizedPnL}): the fill carries it. */
@Timeout(30)
class LmexRealizedPnlTest {

    private LmexWireMock lmex;
    private WireMockServer wm;
    private LmexVenue venue;

    @BeforeEach
    void start() {
        lmex = new LmexWireMock(false);
        wm = lmex.server;
        lmex.stubMarketData();
        venue = lmex.venue();
    }

    @AfterEach
    void stop() {
        venue.close();
        lmex.close();
    }

    @Test
    void aClosingTradeCarriesTheRealizedPnlLmexReports() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/user/trade_history"))).willReturn(ok("trade_history_close")));

        List<Fill> fills = venue.fills(NOW - 3_600_000, NOW);

        assertThat(fills).extracting(Fill::clientOrderId, Fill::realizedPnl, Fill::fee).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("lsh-BTC-PERP-42", 0.0, 0.0462),
                org.assertj.core.groups.Tuple.tuple("lsh-BTC-PERP-43", 1.0, 0.0468));
    }
}
