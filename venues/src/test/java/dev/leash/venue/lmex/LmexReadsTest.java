package dev.leash.venue.lmex;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.leash.venue.Candle;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.Position;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.leash.venue.lmex.LmexWireMock.NOW;
import static dev.leash.venue.lmex.LmexWireMock.ok;
import static dev.leash.venue.lmex.LmexWireMock.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** LMEX answers mapped onto the venue records: contracts to base units, seconds to ms, computed funding times. */
@Timeout(30)
class LmexReadsTest {

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
        lmex.assertEverySignedRequestIsCorrect();
        venue.close();
        lmex.close();
    }

    @Test
    void instrumentsAreInBaseUnitsUsingTheContractSize() throws Exception {
        assertThat(venue.instruments()).containsExactly(
                new Instrument("BTC-PERP", 0.1, 0.001, 0.001, 0),
                new Instrument("ETH-PERP", 0.01, 0.01, 0.01, 0));
    }

    @Test
    void candlesAreOldestFirstInMillisWithTheBarInProgressDropped() throws Exception {
        var candles = venue.candles("BTC-PERP", NOW - 3_600_000L, NOW + 300_000L);

        assertThat(candles).extracting(Candle::openTime)
                .containsExactly(1_704_069_000_000L, 1_704_069_300_000L, 1_704_069_600_000L);
        assertThat(candles.get(2)).isEqualTo(new Candle("BTC-PERP", 1_704_069_600_000L, 41990, 42015.5, 41980,
                42010.5, 12.25));
        wm.verify(getRequestedFor(urlPathEqualTo(path("/ohlcv"))).withQueryParam("resolution", equalTo("5"))
                .withQueryParam("start", equalTo("1704066400")));
    }

    @Test
    void nextFundingIsTheNext8HourBoundaryWhenLmexDoesNotSayAndItsFundingTimeWhenItDoes() throws Exception {
        assertThat(venue.funding("BTC-PERP")).isEqualTo(new FundingRate("BTC-PERP", 0.0001, NOW, 1_704_096_000_000L));
        // ETH-PERP: fundingTime 00:00 with a 60-minute interval -> 01:00
        assertThat(venue.funding("ETH-PERP").nextFundingTime()).isEqualTo(1_704_070_800_000L);
    }

    @Test
    void fundingHistoryIsOldestFirstWithinTheWindowFromSeconds() throws Exception {
        var history = venue.fundingHistory("BTC-PERP", NOW - 86_400_000L, NOW);

        assertThat(history).extracting(FundingRate::time, FundingRate::rate).containsExactly(
                tuple(1_704_009_600_000L, -0.00005), tuple(1_704_038_400_000L, 0.00012),
                tuple(1_704_067_200_000L, 0.0001));
        wm.verify(getRequestedFor(urlPathEqualTo(path("/funding_history"))).withQueryParam("count", equalTo("26")));
    }

    @Test
    void positionsAreSignedBaseQuantitiesAndFlatOnesAreLeftOut() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/user/positions"))).willReturn(ok("user_positions_mixed")));

        assertThat(venue.positions()).extracting(Position::symbol, Position::qty).containsExactly(
                tuple("BTC-PERP", -0.007), tuple("ETH-PERP", 0.03));
    }

    @Test
    void accountComesFromTheCrossWallet() throws Exception {
        wm.stubFor(get(urlPathEqualTo(path("/user/wallet"))).willReturn(ok("user_wallet")));

        var a = venue.account();

        assertThat(a.equity()).isEqualTo(10050.25);
        assertThat(a.unrealizedPnl()).isEqualTo(12.5);
        assertThat(a.walletBalance()).isEqualTo(10037.75);
        assertThat(a.availableBalance()).isEqualTo(9800.75);
    }

    @Test
    void tickerTakesPricesFromPriceAndBookFromMarketSummary() throws Exception {
        var t = venue.ticker("BTC-PERP");

        assertThat(t.lastPrice()).isEqualTo(42020.1);
        assertThat(t.markPrice()).isEqualTo(42015.3);
        assertThat(t.bid()).isEqualTo(42019.9);
        assertThat(t.ask()).isEqualTo(42020.5);
    }
}
