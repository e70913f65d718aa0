package dev.leash.venue.sim;

import dev.leash.venue.Candle;
import dev.leash.venue.FundingRate;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import dev.leash.venue.VenueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

@Timeout(30)
class SimulatedVenueTest {

    private static final long DAY = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final long HOUR = 3_600_000L;
    private static final long BAR = Candle.INTERVAL_MILLIS;
    private static final long START = DAY + 7 * HOUR + 50 * 60_000L; // 07:50, ten minutes before funding
    private static final long SEED = 11;

    private final StateStore store = StateStore.inMemory();

    @Test
    void advanceToMovesPricesAlongTheTickPath() throws Exception {
        SimulatedVenue venue = open(SEED, START);
        SyntheticMarket market = venue.market();
        Candle bar = market.bar(0, market.barIndexAt(START));

        for (int i = 0; i < TickPath.POINTS; i++) {
            venue.advanceTo(START + i * TickPath.STEP_MILLIS + 1);
            assertThat(venue.ticker("BTCUSDT").lastPrice()).isEqualTo(TickPath.point(bar, i));
        }
        assertThat(venue.now()).isEqualTo(START + 3 * TickPath.STEP_MILLIS + 1);
    }

    @Test
    void ignoresTimeGoingBackwards() throws Exception {
        SimulatedVenue venue = open(SEED, START);
        venue.advanceTo(START + BAR);
        venue.advanceTo(START);

        assertThat(venue.now()).isEqualTo(START + BAR);
    }

    @Test
    void chargesFundingAtTheEightHourBoundary() throws Exception {
        SimulatedVenue venue = open(SEED, START);
        venue.place(market("lsh-BTCUSDT-1-1", Side.BUY, 0.1));
        venue.advanceTo(venue.now() + TickPath.STEP_MILLIS); // the next tick-path point fills it
        assertThat(venue.positions()).hasSize(1);
        double wallet = venue.account().walletBalance();

        venue.advanceTo(DAY + 8 * HOUR - 1);
        assertThat(venue.account().walletBalance()).isEqualTo(wallet);

        long fundingTime = DAY + 8 * HOUR;
        venue.advanceTo(fundingTime);
        List<FundingRate> charged = venue.fundingHistory("BTCUSDT", fundingTime, fundingTime + 1);
        assertThat(charged).singleElement().satisfies(f -> assertThat(f.time()).isEqualTo(fundingTime));
        double price = venue.ticker("BTCUSDT").lastPrice();
        double rate = charged.get(0).rate();
        assertThat(rate).isNotZero();
        assertThat(venue.account().walletBalance()).isCloseTo(wallet - 0.1 * price * rate, within(1e-9));

        venue.advanceTo(fundingTime + 4 * HOUR);
        assertThat(venue.account().walletBalance()).isCloseTo(wallet - 0.1 * price * rate, within(1e-9));
    }

    @Test
    void candlesReturnsOnlyClosedBars() throws Exception {
        SimulatedVenue venue = open(SEED, START);
        venue.advanceTo(START + 2 * 60_000L); // 07:52, inside the 07:50 bar

        List<Candle> candles = venue.candles("BTCUSDT", START - HOUR, START + HOUR);

        assertThat(candles).hasSize(12);
        assertThat(candles.get(0).openTime()).isEqualTo(START - HOUR);
        assertThat(candles.get(candles.size() - 1).closeTime()).isEqualTo(START);
        assertThat(candles).allSatisfy(c -> assertThat(c.closeTime()).isLessThanOrEqualTo(venue.now()));
    }

    @Test
    void servesHistoryDaysOfClosedBarsBeforeTheStart() throws Exception {
        SimulatedVenue venue = open(SEED, START);

        List<Candle> candles = venue.candles("ETHUSDT", START - 200 * 24 * HOUR, START);
        List<Candle> recent = venue.candles("ETHUSDT", START - HOUR, START);

        assertThat(candles).hasSize(SimulatedVenue.HISTORY_DAYS * 288);
        assertThat(candles.get(0).openTime()).isEqualTo(START - SimulatedVenue.HISTORY_DAYS * 24 * HOUR);
        assertThat(candles.get(candles.size() - 1).closeTime()).isEqualTo(START);
        assertThat(candles.subList(candles.size() - 12, candles.size())).isEqualTo(recent);
    }

    @Test
    void accountSurvivesARestart() throws Exception {
        SimulatedVenue before = open(SEED, START);
        before.place(market("lsh-BTCUSDT-1-1", Side.BUY, 0.1));
        before.place(new OrderRequest("lsh-ETHUSDT-1-1", "ETHUSDT", Side.BUY, OrderType.LIMIT, 1.0, 1_000.0,
                false));
        before.advanceTo(START + 3 * BAR + 1_000);

        SimulatedVenue after = open(SEED, START + 10 * HOUR);

        assertThat(after.now()).isEqualTo(START + 3 * BAR + 1_000);
        assertThat(after.positions()).isEqualTo(before.positions());
        assertThat(after.account()).isEqualTo(before.account());
        assertThat(after.openOrders()).isEqualTo(before.openOrders()).hasSize(1);
        assertThat(after.fills(0, Long.MAX_VALUE)).isEqualTo(before.fills(0, Long.MAX_VALUE));
        PlaceResult again = after.place(market("lsh-BTCUSDT-1-1", Side.BUY, 0.1));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.fills()).isEmpty();
    }

    @Test
    void refusesAnAccountSavedWithAnotherSeed() throws Exception {
        open(SEED, START).close();

        assertThatThrownBy(() -> open(SEED + 1, START))
                .isInstanceOf(VenueException.class)
                .hasMessage("the saved paper account was made with market seed 11, not 12; use another data "
                        + "directory or the same seed");
    }

    @Test
    void refusesAnUnreadableAccount() {
        store.save("{not json");

        assertThatThrownBy(() -> open(SEED, START)).isInstanceOf(VenueException.class)
                .hasMessageStartingWith("the saved paper account cannot be read");
    }

    private SimulatedVenue open(long seed, long start) throws VenueException {
        return SimulatedVenue.open(seed, SyntheticMarket.DEFAULT_SPECS, 10_000.0, start, store);
    }

    private static OrderRequest market(String id, Side side, double qty) {
        return new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, qty, 0.0, false);
    }
}
