package dev.leash.venue.sim;

import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The backtest's primitive market-order path fills, refuses and accounts exactly as market orders of place(). */
class SimExchangeMarketPathTest {

    private static final List<Instrument> INSTRUMENTS = List.of(new Instrument("BTCUSDT", 0.5, 0.01, 0.01, 5.0),
            new Instrument("ETHUSDT", 0.01, 0.01, 0.01, 5.0));
    private static final SimExchange.Costs COSTS = new SimExchange.Costs(0.001, 0.0005, 30.0, 0.5);

    /** One order: symbol, signed quantity, reference price, reduce-only, sent after which price step. */
    private record Sent(int sym, double signedQty, double reference, boolean reduceOnly, int afterStep) {
    }

    @Test
    void entriesExitsReversalsAndRefusalsGiveTheSameFillsBitForBit() {
        double[][] prices = {{100, 50}, {101.3, 50.7}, {101.3, 49.9}, {97.2, 51.2}, {96.1, 51.2}, {103.7, 48.4},
                {104.2, 48.9}, {99.9, 52.3}, {99.9, 52.3}, {95.4, 47.1}};
        List<Sent> orders = List.of(new Sent(0, 3.0, 100, false, 0), new Sent(1, -7.5, 50, false, 0),
                new Sent(0, -3.0, 102.0, true, 2), new Sent(0, -2.0, Double.NaN, false, 3),
                new Sent(1, 9.0, 51.0, true, 3), new Sent(1, 2.0, 51.0, true, 5), // the first: more than the short
                new Sent(0, 2.0, 98.0, true, 6), new Sent(0, 0.004, 98.0, false, 7), // below the minimum
                new Sent(1, 500_000.0, 52.3, false, 7), // insufficient balance
                new Sent(0, 1.0, 95.4, false, 9)); // sent at the last price: still waiting at the end
        SimExchange objects = new SimExchange(INSTRUMENTS, 10_000.0, COSTS);
        SimExchange primitives = new SimExchange(INSTRUMENTS, 10_000.0, COSTS);
        List<Fill> objectFills = new ArrayList<>();
        List<Fill> primitiveFills = new ArrayList<>();
        List<Boolean> objectRefused = new ArrayList<>();
        List<Boolean> primitiveRefused = new ArrayList<>();
        SimExchange.MarketFills collect = (sym, key, dir, qty, price, fee, realized, time, n) ->
                primitiveFills.add(new Fill("simfill-" + n, "o" + key, "sim-o" + key, INSTRUMENTS.get(sym).symbol(),
                        dir > 0 ? Side.BUY : Side.SELL, qty, price, fee, realized, time, false));

        for (int step = 0; step < prices.length; step++) {
            long t = 1_000L + step * TickPath.STEP_MILLIS;
            for (int s = 0; s < 2; s++) {
                objectFills.addAll(objects.onPrice(s, prices[step][s], t));
                primitives.onPrice(s, prices[step][s], t, collect);
            }
            for (int i = 0; i < orders.size(); i++) {
                Sent o = orders.get(i);
                if (o.afterStep() != step) {
                    continue;
                }
                PlaceResult r = objects.place(new OrderRequest("o" + i, INSTRUMENTS.get(o.sym()).symbol(),
                        Side.ofSign(o.signedQty()), OrderType.MARKET, Math.abs(o.signedQty()), o.reference(),
                        o.reduceOnly()), t);
                objectRefused.add(r.rejected());
                primitiveRefused.add(!primitives.placeMarket(o.sym(), i, o.signedQty(), o.reference(), o.reduceOnly(),
                        t));
            }
        }

        assertThat(objectFills).hasSizeGreaterThan(4);
        assertThat(primitiveFills).isEqualTo(objectFills);
        assertThat(primitiveRefused).isEqualTo(objectRefused).contains(true);
        assertThat(primitives.equity()).isEqualTo(objects.equity());
        assertThat(primitives.walletBalance()).isEqualTo(objects.walletBalance());
        List<Long> cancelled = new ArrayList<>();
        primitives.cancelWaiting((sym, key, dir, qty, reference, reduceOnly, createdAt) -> cancelled.add(key));
        assertThat(cancelled).containsExactly(9L);
        assertThat(objects.cancelPending()).extracting(o -> o.clientOrderId()).containsExactly("o9");
    }

    @Test
    void equityFollowsEveryPriceOfAHeldSymbolWhileAFlatSymbolsPricesLeaveItAsItWas() {
        SimExchange ex = new SimExchange(INSTRUMENTS, 10_000.0, COSTS);
        List<Double> filledAt = new ArrayList<>();
        SimExchange.MarketFills fills = (sym, key, dir, qty, price, fee, realized, time, n) -> filledAt.add(price);
        ex.onPrice(0, 100.0, 1_000, fills);
        ex.onPrice(1, 50.0, 1_000, fills);
        assertThat(ex.placeMarket(0, 1, 2.0, 100.0, false, 1_000)).isTrue();
        double[][] prices = {{101.3, 50.7}, {100.8, 49.9}, {97.2, 51.2}, {96.1, 51.2}, {103.7, 48.4}};
        List<Double> equities = new ArrayList<>();

        for (int step = 0; step < prices.length; step++) {
            long t = 1_000L + (step + 1) * TickPath.STEP_MILLIS;
            ex.onPrice(0, prices[step][0], t, fills);
            assertThat(ex.equity()).as("step %d, held symbol", step)
                    .isEqualTo(ex.walletBalance() + ex.unrealizedPnl());
            ex.onPrice(1, prices[step][1], t, fills);
            assertThat(ex.equity()).as("step %d, flat symbol", step)
                    .isEqualTo(ex.walletBalance() + ex.unrealizedPnl());
            equities.add(ex.equity());
        }

        assertThat(filledAt).hasSize(1);
        assertThat(ex.position(0)).isEqualTo(2.0);
        assertThat(ex.position(1)).isZero();
        assertThat(equities).doesNotHaveDuplicates();
    }

    @Test
    void thePrimitivePriceRefusesToRunOverOrdersOfTheObjectPath() {
        SimExchange ex = new SimExchange(INSTRUMENTS, 10_000.0, COSTS);
        ex.onPrice(0, 100.0, 1_000);
        ex.place(new OrderRequest("b1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1.0, 100.0, false), 1_000);

        assertThatThrownBy(() -> ex.onPrice(0, 101.0, 76_000, (sym, key, dir, qty, price, fee, realized, time, n) -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("place()");
        assertThat(ex.openOrders()).hasSize(1);
    }
}
