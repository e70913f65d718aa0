package dev.leash.venue.sim;

import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Side;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** The paper exchange with round numbers: tick 0.5, 0.1 % taker, 0.05 % maker, 30 bps slippage, no impact. */
class SimExchangeTest {

    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final SimExchange.Costs COSTS = new SimExchange.Costs(0.001, 0.0005, 30.0, 0.0);
    private static final double OFFSET = 1e-9;

    private SimExchange ex;

    @BeforeEach
    void open() {
        ex = new SimExchange(List.of(new Instrument("BTCUSDT", 0.5, 0.01, 0.01, 5.0),
                new Instrument("ETHUSDT", 0.01, 0.01, 0.01, 5.0)), 10_000.0, COSTS);
        ex.onPrice(BTC, 100.0, 1_000);
    }

    @Test
    void aMarketOrderStaysOpenUntilTheNextPriceAndFillsThereNotAtThePriceThatSentIt() {
        ex.onPrice(BTC, 110.0, 1_200); // the bar's high: a breakout buy goes out here

        PlaceResult sent = ex.place(new OrderRequest("b1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 110.0, false),
                1_300);

        assertThat(sent.rejected()).isFalse();
        assertThat(sent.fills()).isEmpty();
        assertThat(sent.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(ex.openOrders()).extracting(Order::clientOrderId).containsExactly("b1");
        assertThat(ex.position(BTC)).isZero();
        assertThat(ex.onPrice(ETH, 50.0, 1_400)).as("another symbol's price fills nothing").isEmpty();

        List<Fill> next = ex.onPrice(BTC, 104.0, 1_500);

        // 104 x 1.003 = 104.312 -> 104.5 on the 0.5 tick: the next price plus slippage, not the high 110
        assertThat(next).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(104.5);
            assertThat(f.time()).isEqualTo(1_500);
            assertThat(f.maker()).isFalse();
            assertThat(f.fee()).isCloseTo(104.5 * 0.001, within(OFFSET));
        });
        assertThat(ex.order("b1").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ex.openOrders()).isEmpty();
        assertThat(ex.position(BTC)).isEqualTo(1.0);
    }

    @Test
    void aRepeatOfThePriceThatSentAnOrderFillsItOnlyOnceATickPathStepHasPassed() {
        ex.place(new OrderRequest("b1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 100.0, false), 1_500);

        assertThat(ex.onPrice(BTC, 100.0, 1_500 + TickPath.STEP_MILLIS - 1)).isEmpty();
        assertThat(ex.onPrice(BTC, 100.0, 1_500 + TickPath.STEP_MILLIS)).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualTo(100.5));
    }

    @Test
    void aStopSentPastItsLevelFillsAtTheNextPriceOrWorseNeverBetterThanThePriceThatSentIt() {
        market("b1", Side.BUY, 1.0);
        ex.onPrice(BTC, 90.0, 2_000); // gapped through a stop at 95: the stop goes out at 90
        ex.place(new OrderRequest("stop", "BTCUSDT", Side.SELL, OrderType.MARKET, 1.0, 90.0, true), 2_000);
        ex.onPrice(BTC, 94.0, 2_100); // the price came back: no better fill than the 90 that sent it
        ex.place(new OrderRequest("b2", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 94.0, false), 2_100);
        ex.onPrice(BTC, 94.0, 2_200 + TickPath.STEP_MILLIS);
        ex.onPrice(BTC, 80.0, 3_000); // a second stop meets a further gap: it fills at the worse next price
        ex.place(new OrderRequest("stop2", "BTCUSDT", Side.SELL, OrderType.MARKET, 1.0, 88.0, true), 3_000);
        ex.onPrice(BTC, 85.0, 3_100);

        // 90 x 0.997 = 89.73 -> 89.5; 85 x 0.997 = 84.745 -> 84.5
        assertThat(ex.order("stop").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ex.fills(0, Long.MAX_VALUE)).filteredOn(f -> f.side() == Side.SELL).extracting(Fill::price)
                .containsExactly(89.5, 84.5);
    }

    @Test
    void aPendingOrderCanBeCancelledAndIsCancelledAtTheEnd() {
        ex.place(new OrderRequest("b1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 100.0, false), 1_500);
        ex.place(new OrderRequest("b2", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 100.0, false), 1_500);

        assertThat(ex.cancel("b1")).isTrue();
        assertThat(ex.cancelPending()).extracting(Order::clientOrderId, Order::status)
                .containsExactly(tuple("b2", OrderStatus.NEW));
        assertThat(ex.onPrice(BTC, 101.0, 2_000)).isEmpty();
        assertThat(ex.order("b2").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ex.position(BTC)).isZero();
    }

    @Test
    void aPendingOrderSurvivesASnapshotAndFillsAtTheFirstPriceAfterTheRestore() throws Exception {
        ex.place(new OrderRequest("b1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 100.0, false), 1_500);
        SimState saved = SimulatedVenue.JSON.readValue(SimulatedVenue.JSON.writeValueAsString(ex.snapshot(1_500)),
                SimState.class);

        SimExchange restored = freshExchange();
        restored.restore(saved);

        assertThat(restored.openOrders()).extracting(Order::clientOrderId).containsExactly("b1");
        assertThat(restored.onPrice(BTC, 102.0, 2_000)).singleElement()
                .satisfies(f -> assertThat(f.price()).isEqualTo(102.5));
    }

    @Test
    void marketOrdersFillAtLastPricePlusSlippageRoundedToTheTick() {
        Fill buy = market("b1", Side.BUY, 1.0).fills().get(0);
        Fill sell = market("s1", Side.SELL, 1.0).fills().get(0);

        // 100 x (1 +- 0.003) = 100.3 / 99.7, rounded to the 0.5 tick
        assertThat(buy.price()).isEqualTo(100.5);
        assertThat(sell.price()).isEqualTo(99.5);
        assertThat(List.of(buy, sell)).extracting(Fill::maker).containsOnly(false);
    }

    @Test
    void equityAskedBetweenEveryChangeAlwaysEqualsWalletPlusUnrealized() {
        assertThat(ex.equity()).isEqualTo(10_000.0);
        market("b1", Side.BUY, 2.0);
        assertThat(ex.equity()).isEqualTo(ex.walletBalance() + ex.unrealizedPnl());
        ex.onPrice(BTC, 104.0, 2_000);
        assertThat(ex.equity()).isEqualTo(ex.walletBalance() + ex.unrealizedPnl());
        assertThat(ex.unrealizedPnl()).isCloseTo(2.0 * (104.0 - 100.5), within(OFFSET));
        double beforeFunding = ex.equity();
        ex.applyFunding(BTC, 0.01);
        assertThat(ex.equity()).isCloseTo(beforeFunding - 2.0 * 104.0 * 0.01, within(OFFSET));
        SimState saved = ex.snapshot(3_000);
        market("s1", Side.SELL, 2.0);
        assertThat(ex.equity()).isEqualTo(ex.walletBalance() + ex.unrealizedPnl());
        ex.restore(saved);
        assertThat(ex.equity()).isEqualTo(saved.walletBalance() + ex.unrealizedPnl());
        assertThat(ex.unrealizedPnl()).isCloseTo(2.0 * (104.0 - 100.5), within(OFFSET));
    }

    @Test
    void chargesTheTakerFeeOnMarketOrders() {
        Fill buy = market("b1", Side.BUY, 2.0).fills().get(0);

        assertThat(buy.fee()).isCloseTo(2.0 * 100.5 * 0.001, within(OFFSET));
        assertThat(ex.walletBalance()).isCloseTo(10_000 - 0.201, within(OFFSET));
    }

    @Test
    void realizesPnlWhenClosing() {
        market("b1", Side.BUY, 2.0);
        ex.onPrice(BTC, 110.0, 2_000);
        Fill close = market("s1", Side.SELL, 2.0).fills().get(0);

        // 110 x 0.997 = 109.67 -> 109.5; 2 x (109.5 - 100.5) = 18
        assertThat(close.realizedPnl()).isCloseTo(18.0, within(OFFSET));
        assertThat(ex.position(BTC)).isZero();
        assertThat(ex.positions()).isEmpty();
        assertThat(ex.walletBalance()).isCloseTo(10_000 + 18 - 0.201 - 0.219, within(OFFSET));
    }

    @Test
    void flippingThePositionStartsANewEntryAtTheFillPrice() {
        market("b1", Side.BUY, 1.0);
        Fill flip = market("s1", Side.SELL, 3.0).fills().get(0);

        assertThat(flip.realizedPnl()).isCloseTo(1.0 * (99.5 - 100.5), within(OFFSET));
        assertThat(ex.positions()).singleElement().satisfies(p -> {
            assertThat(p.qty()).isEqualTo(-2.0);
            assertThat(p.entryPrice()).isEqualTo(99.5);
        });
    }

    @Test
    void averagesTheEntryWhenAddingToAPosition() {
        market("b1", Side.BUY, 1.0);
        ex.onPrice(BTC, 110.0, 2_000);
        market("b2", Side.BUY, 1.0); // 110.33 -> 110.5

        assertThat(ex.positions()).extracting(Position::qty, Position::entryPrice)
                .containsExactly(tuple(2.0, 105.5));
    }

    @Test
    void rejectsReduceOnlyOrdersThatWouldNotReduce() {
        PlaceResult whenFlat = place("r1", Side.SELL, OrderType.MARKET, 1.0, 100.0, true);
        market("b1", Side.BUY, 1.0);
        PlaceResult sameSide = place("r2", Side.BUY, OrderType.MARKET, 1.0, 100.0, true);
        PlaceResult beyond = place("r3", Side.SELL, OrderType.MARKET, 1.5, 100.0, true);
        PlaceResult exit = place("r4", Side.SELL, OrderType.MARKET, 1.0, 100.0, true);
        ex.onPrice(BTC, 100.0, 1_500 + TickPath.STEP_MILLIS);

        assertThat(List.of(whenFlat, sameSide, beyond)).allSatisfy(r -> {
            assertThat(r.rejected()).isTrue();
            assertThat(r.rejectReason()).isEqualTo("reduce-only order would not reduce the position");
            assertThat(r.fills()).isEmpty();
        });
        assertThat(exit.rejected()).isFalse();
        assertThat(ex.position(BTC)).isZero();
    }

    @Test
    void duplicateClientOrderIdIsReportedAndNotFilledTwice() {
        PlaceResult first = market("lsh-BTCUSDT-1-1", Side.BUY, 1.0);
        PlaceResult again = market("lsh-BTCUSDT-1-1", Side.BUY, 1.0);

        assertThat(first.duplicate()).isFalse();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.fills()).isEmpty();
        assertThat(again.order()).isEqualTo(first.order());
        assertThat(ex.position(BTC)).isEqualTo(1.0);
        assertThat(ex.fills(0, Long.MAX_VALUE)).hasSize(1);
    }

    @Test
    void limitOrderRestsThenFillsAsMakerWhenCrossed() {
        PlaceResult placed = place("l1", Side.BUY, OrderType.LIMIT, 1.0, 98.0, false);
        List<Fill> above = ex.onPrice(BTC, 99.0, 2_000);
        List<Fill> crossed = ex.onPrice(BTC, 97.5, 3_000);

        assertThat(placed.fills()).isEmpty();
        assertThat(placed.order().status()).isEqualTo(OrderStatus.NEW);
        assertThat(above).isEmpty();
        assertThat(crossed).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualTo(98.0);
            assertThat(f.maker()).isTrue();
            assertThat(f.fee()).isCloseTo(98.0 * 0.0005, within(OFFSET));
            assertThat(f.time()).isEqualTo(3_000);
        });
        assertThat(ex.order("l1").status()).isEqualTo(OrderStatus.FILLED);
        assertThat(ex.openOrders()).isEmpty();
    }

    @Test
    void marketableLimitOrderNeverFillsThroughItsLimitPrice() {
        Fill buy = place("l1", Side.BUY, OrderType.LIMIT, 1.0, 100.0, false).fills().get(0);
        Fill sell = place("l2", Side.SELL, OrderType.LIMIT, 1.0, 100.0, false).fills().get(0);

        assertThat(buy.price()).isLessThanOrEqualTo(100.0);
        assertThat(sell.price()).isGreaterThanOrEqualTo(100.0);
    }

    @Test
    void anExitNeverFillsBetterThanTheLevelThatTriggeredIt() {
        market("l0", Side.BUY, 1.0);
        ex.onPrice(BTC, 110.0, 1_200); // the price ran past a take-profit level of 104 before the order went out
        place("s1", Side.SELL, OrderType.MARKET, 1.0, 104.0, true);
        Fill sell = ex.onPrice(BTC, 109.0, 1_300).get(0);
        market("s0", Side.SELL, 1.0);
        ex.onPrice(BTC, 90.0, 1_300);
        place("b1", Side.BUY, OrderType.MARKET, 1.0, 96.0, true);
        Fill buy = ex.onPrice(BTC, 91.0, 1_400).get(0);

        // the level less (more) 30 bps slippage: 103.688 -> 103.5, 96.288 -> 96.5; not 109.67 or 90.27
        assertThat(sell.price()).isEqualTo(103.5);
        assertThat(buy.price()).isEqualTo(96.5);
    }

    @Test
    void roundingToTheTickNeverMakesAMarketFillBetterThanThePrice() {
        SimExchange noSlippage = new SimExchange(List.of(new Instrument("BTCUSDT", 0.5, 0.01, 0.01, 5.0)), 10_000.0,
                new SimExchange.Costs(0.001, 0.0005, 0.0, 0.0));
        noSlippage.onPrice(BTC, 100.0, 1_000);
        noSlippage.place(new OrderRequest("s1", "BTCUSDT", Side.SELL, OrderType.MARKET, 1.0, 100.0, false), 1_500);
        // off the 0.5 tick: the nearest tick, 100.5, is better for a seller
        Fill sell = noSlippage.onPrice(BTC, 100.3, 1_600).get(0);
        noSlippage.place(new OrderRequest("b1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 100.3, false), 2_500);
        Fill buy = noSlippage.onPrice(BTC, 100.2, 2_600).get(0); // the nearest tick, 100.0, is better for a buyer

        assertThat(sell.price()).isEqualTo(100.0);
        assertThat(buy.price()).isEqualTo(100.5);
    }

    @Test
    void cancelsARestingOrderOnce() {
        place("l1", Side.SELL, OrderType.LIMIT, 1.0, 105.0, false);

        assertThat(ex.cancel("l1")).isTrue();
        assertThat(ex.cancel("l1")).isFalse();
        assertThat(ex.cancel("unknown")).isFalse();
        assertThat(ex.order("l1").status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(ex.onPrice(BTC, 106.0, 2_000)).isEmpty();
        assertThat(ex.openOrders()).isEmpty();
    }

    @Test
    void positiveFundingIsPaidByLongsAndReceivedByShorts() {
        ex.onPrice(ETH, 50.0, 1_000);
        market("b1", Side.BUY, 1.0);
        ex.place(new OrderRequest("s1", "ETHUSDT", Side.SELL, OrderType.MARKET, 10.0, 50.0, false), 1_500);
        ex.onPrice(BTC, 100.0, 2_000);
        ex.onPrice(ETH, 50.0, 1_500 + TickPath.STEP_MILLIS);
        assertThat(ex.position(ETH)).isEqualTo(-10.0);
        double before = ex.walletBalance();

        double paidByLong = ex.applyFunding(BTC, 0.0001);
        double paidByShort = ex.applyFunding(ETH, 0.0001);

        assertThat(paidByLong).isCloseTo(0.01, within(OFFSET));
        assertThat(paidByShort).isCloseTo(-0.05, within(OFFSET));
        assertThat(ex.walletBalance()).isCloseTo(before - 0.01 + 0.05, within(OFFSET));
    }

    @Test
    void equityIsWalletPlusUnrealizedPnl() {
        market("b1", Side.BUY, 2.0);
        ex.onPrice(BTC, 104.0, 2_000);

        assertThat(ex.unrealizedPnl()).isCloseTo(2.0 * (104.0 - 100.5), within(OFFSET));
        assertThat(ex.equity()).isCloseTo(ex.walletBalance() + ex.unrealizedPnl(), within(OFFSET));
        assertThat(ex.account().equity()).isEqualTo(ex.equity());
    }

    @Test
    void snapshotRestoresTheWholeAccount() {
        tradeSomething();
        SimState saved = ex.snapshot(5_000);

        SimExchange restored = freshExchange();
        restored.restore(saved);

        assertThat(restored.snapshot(5_000)).isEqualTo(saved);
        assertThat(restored.account()).isEqualTo(ex.account());
        assertThat(restored.openOrders()).isEqualTo(ex.openOrders());
    }

    @Test
    void snapshotSurvivesJsonIncludingNanPrices() throws Exception {
        tradeSomething();
        SimState saved = ex.snapshot(5_000);
        assertThat(saved.holdings()).extracting(SimState.Holding::lastPrice).contains(Double.NaN); // never priced

        String json = SimulatedVenue.JSON.writeValueAsString(saved);
        SimState read = SimulatedVenue.JSON.readValue(json, SimState.class);

        assertThat(read).isEqualTo(saved);
        SimExchange restored = freshExchange();
        restored.restore(read);
        assertThat(restored.order("b1").price()).isEqualTo(100.0); // a market order keeps the level that sent it
        assertThat(restored.position(BTC)).isEqualTo(ex.position(BTC));
        assertThat(market(restored, "b1", Side.BUY, 1.0).duplicate()).isTrue();
    }

    private void tradeSomething() {
        market("b1", Side.BUY, 2.0);
        ex.onPrice(BTC, 103.0, 2_000);
        market("s1", Side.SELL, 1.0);
        place("l1", Side.BUY, OrderType.LIMIT, 1.0, 95.0, false);
    }

    private static SimExchange freshExchange() {
        return new SimExchange(List.of(new Instrument("BTCUSDT", 0.5, 0.01, 0.01, 5.0),
                new Instrument("ETHUSDT", 0.01, 0.01, 0.01, 5.0)), 10_000.0, COSTS);
    }

    private PlaceResult market(String id, Side side, double qty) {
        return market(ex, id, side, qty);
    }

    private static PlaceResult market(SimExchange exchange, String id, Side side, double qty) {
        // sent at the last price, as the engine sends an order at the tick that triggered it; filled when that price
        // comes again a tick-path step later
        double last = exchange.lastPrice(BTC);
        PlaceResult sent = exchange.place(new OrderRequest(id, "BTCUSDT", side, OrderType.MARKET, qty, last, false),
                1_500);
        List<Fill> filled = exchange.onPrice(BTC, last, 1_500 + TickPath.STEP_MILLIS);
        return new PlaceResult(exchange.order(id), filled, sent.duplicate(), sent.rejectReason());
    }

    private PlaceResult place(String id, Side side, OrderType type, double qty, double price, boolean reduceOnly) {
        return ex.place(new OrderRequest(id, "BTCUSDT", side, type, qty, price, reduceOnly), 1_500);
    }
}
