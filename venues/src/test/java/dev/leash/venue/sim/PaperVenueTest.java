package dev.leash.venue.sim;

import dev.leash.venue.Account;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Side;
import dev.leash.venue.Ticker;
import dev.leash.venue.Venue;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Paper trading: live prices from a market-data venue, fills and the account simulated and persisted locally. */
class PaperVenueTest {

    private static final long T0 = 1_767_225_600_000L; // a UTC midnight, a funding time
    private final AtomicLong now = new AtomicLong(T0 + 60_000);
    private final FakeMarket market = new FakeMarket();
    private final StateStore store = StateStore.inMemory();

    @Test
    void fillsMarketOrdersAtTheNextLivePriceWithoutEverCallingThePrivateApi() throws Exception {
        PaperVenue paper = PaperVenue.open(market, 10_000, store, now::get);
        market.price = 50_000;
        paper.ticker("BTCUSDT");

        PlaceResult r = paper.place(new OrderRequest("lsh-BTCUSDT-1-1", "BTCUSDT", Side.BUY, OrderType.MARKET, 0.01,
                50_000, false));
        assertThat(r.fills()).isEmpty();
        assertThat(r.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(paper.openOrders()).hasSize(1);
        market.price = 49_900;
        paper.ticker("BTCUSDT");

        assertThat(paper.fills(0, Long.MAX_VALUE)).singleElement().satisfies(f -> {
            assertThat(f.price()).as("the next price plus slippage").isBetween(49_900.0, 49_910.0);
            assertThat(f.qty()).isEqualTo(0.01);
        });
        assertThat(paper.order("BTCUSDT", "lsh-BTCUSDT-1-1").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(PaperVenue.open(market, 10_000, store, now::get).positions()).as("the fill was saved at once")
                .singleElement().extracting(Position::qty).isEqualTo(0.01);
        assertThat(paper.positions()).singleElement().extracting(Position::qty).isEqualTo(0.01);
        assertThat(market.privateCalls).isZero();
        assertThat(paper.name()).isEqualTo("paper (fake prices)");
    }

    @Test
    void resumesTheSavedAccountAndStillRefusesADuplicateClientOrderId() throws Exception {
        PaperVenue first = PaperVenue.open(market, 10_000, store, now::get);
        market.price = 50_000;
        first.ticker("BTCUSDT");
        first.place(new OrderRequest("lsh-BTCUSDT-1-1", "BTCUSDT", Side.BUY, OrderType.MARKET, 0.01, 50_000, false));
        market.price = 50_010;
        first.ticker("BTCUSDT");
        double wallet = first.account().walletBalance();

        PaperVenue second = PaperVenue.open(market, 10_000, store, now::get);
        PlaceResult again = second.place(new OrderRequest("lsh-BTCUSDT-1-1", "BTCUSDT", Side.BUY, OrderType.MARKET,
                0.01, 50_000, false));

        assertThat(second.account().walletBalance()).isEqualTo(wallet);
        assertThat(second.positions()).singleElement().extracting(Position::qty).isEqualTo(0.01);
        assertThat(again.duplicate()).isTrue();
        assertThat(again.fills()).isEmpty();
    }

    @Test
    void chargesFundingOnceAtEachEightHourBoundary() throws Exception {
        PaperVenue paper = PaperVenue.open(market, 10_000, store, now::get);
        market.price = 50_000;
        paper.ticker("BTCUSDT");
        paper.place(new OrderRequest("lsh-BTCUSDT-1-1", "BTCUSDT", Side.BUY, OrderType.MARKET, 0.1, 50_000, false));
        market.price = 49_990;
        paper.ticker("BTCUSDT");
        market.price = 50_000;
        paper.ticker("BTCUSDT");
        double before = paper.account().walletBalance();

        now.set(T0 + 8 * 3_600_000L + 1_000);
        paper.ticker("BTCUSDT");
        paper.ticker("BTCUSDT");

        // long 0.1 BTC at 50,000 pays 0.0001 of 5,000 = 0.5 USDT, once
        assertThat(paper.account().walletBalance()).isCloseTo(before - 0.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void refusesASavedAccountItCannotRead() {
        store.save("{not json");
        assertThatThrownBy(() -> PaperVenue.open(market, 10_000, store, now::get))
                .hasMessageStartingWith("the saved paper account cannot be read");
    }

    /** Market data only; any account or order call counts as a private call. */
    private final class FakeMarket implements Venue {
        double price = 50_000;
        int privateCalls;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public List<String> symbols() {
            return List.of("BTCUSDT");
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(new Instrument("BTCUSDT", 0.1, 0.001, 0.001, 5.0));
        }

        @Override
        public List<Candle> candles(String symbol, long fromMillis, long toMillis) {
            return List.of();
        }

        @Override
        public Ticker ticker(String symbol) {
            return new Ticker(symbol, now.get(), price, price, price - 0.1, price + 0.1, 1_000);
        }

        @Override
        public FundingRate funding(String symbol) {
            return new FundingRate(symbol, 0.0001, now.get(), FundingModel.nextFundingTime(now.get()));
        }

        @Override
        public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) {
            return List.of();
        }

        @Override
        public Account account() {
            privateCalls++;
            return null;
        }

        @Override
        public List<Position> positions() {
            privateCalls++;
            return List.of();
        }

        @Override
        public List<Order> openOrders() {
            privateCalls++;
            return List.of();
        }

        @Override
        public List<Fill> fills(long fromMillis, long toMillis) {
            privateCalls++;
            return List.of();
        }

        @Override
        public PlaceResult place(OrderRequest request) {
            privateCalls++;
            throw new AssertionError("paper trading must never place at the real venue");
        }

        @Override
        public boolean cancel(String symbol, String clientOrderId) {
            privateCalls++;
            return false;
        }

        @Override
        public Order order(String symbol, String clientOrderId) {
            privateCalls++;
            return null;
        }

        @Override
        public void close() {
        }
    }
}
