package dev.leash.venue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link Venue} must do, run against each implementation by a subclass that says how to open one.
 * Each test gets a fresh venue in which {@link #clientOrderId()} has never been used.
 */
@Timeout(30)
public abstract class VenueContract {

    protected static final long HOUR = 3_600_000L;

    protected Venue venue;

    /** A fresh venue; the order flow for {@link #clientOrderId()} must be able to run once. */
    protected abstract Venue open() throws Exception;

    /** The symbol the contract trades. */
    protected abstract String symbol();

    /** The venue's current time, epoch ms. */
    protected abstract long now();

    /** The client order id the order-flow tests place. */
    protected abstract String clientOrderId();

    /**
     * Lets the market move to its next price, where a market order placed now has filled: nothing for a venue that
     * fills at once, the next tick-path point for the simulated venue.
     */
    protected void nextMarketTick() throws Exception {
    }

    @BeforeEach
    void openVenue() throws Exception {
        venue = open();
    }

    @AfterEach
    void closeVenue() {
        if (venue != null) {
            venue.close();
        }
    }

    @Test
    void instrumentsHavePositiveTickStepAndMinimum() throws Exception {
        List<Instrument> instruments = venue.instruments();

        assertThat(instruments).extracting(Instrument::symbol).contains(symbol());
        assertThat(instruments).allSatisfy(i -> {
            assertThat(i.tickSize()).isPositive();
            assertThat(i.lotStep()).isPositive();
            assertThat(i.minQty()).isPositive();
            assertThat(i.minNotional()).isNotNegative();
        });
    }

    @Test
    void candlesAreClosedOldestFirstAndWithinTheWindow() throws Exception {
        long from = now() - 2 * HOUR;
        long to = now() + HOUR;

        List<Candle> candles = venue.candles(symbol(), from, to);

        assertThat(candles).isNotEmpty();
        assertThat(candles).allSatisfy(c -> {
            assertThat(c.openTime()).isGreaterThanOrEqualTo(from).isLessThan(to);
            assertThat(c.closeTime()).isLessThanOrEqualTo(now());
            assertThat(c.low()).isLessThanOrEqualTo(Math.min(c.open(), c.close()));
            assertThat(c.high()).isGreaterThanOrEqualTo(Math.max(c.open(), c.close()));
        });
        assertThat(candles).extracting(Candle::openTime).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void tickerPriceIsPositive() throws Exception {
        Ticker t = venue.ticker(symbol());

        assertThat(t.symbol()).isEqualTo(symbol());
        assertThat(t.lastPrice()).isPositive();
        assertThat(t.markPrice()).isPositive();
    }

    @Test
    void nextFundingTimeIsInTheFuture() throws Exception {
        FundingRate f = venue.funding(symbol());

        assertThat(f.nextFundingTime()).isGreaterThan(now());
        assertThat(Math.abs(f.rate())).isLessThan(0.01);
    }

    @Test
    void marketOrderIsKnownByClientIdFillsAndMovesThePosition() throws Exception {
        double before = positionQty();
        double qty = 2 * minQty();

        PlaceResult r = venue.place(marketBuy(qty));
        nextMarketTick();

        assertThat(r.rejected()).as(r.rejectReason()).isFalse();
        assertThat(r.duplicate()).isFalse();
        Order o = venue.order(symbol(), clientOrderId());
        assertThat(o).isNotNull();
        assertThat(o.clientOrderId()).isEqualTo(clientOrderId());
        assertThat(o.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(o.filledQty()).isEqualTo(qty);
        assertThat(venue.fills(now() - HOUR, now() + HOUR))
                .filteredOn(f -> f.clientOrderId().equals(clientOrderId()))
                .extracting(Fill::qty).containsExactly(qty);
        assertThat(positionQty()).isEqualTo(before + qty);
    }

    @Test
    void duplicateClientIdPlacesNoSecondOrder() throws Exception {
        double qty = 2 * minQty();
        venue.place(marketBuy(qty));
        nextMarketTick();

        PlaceResult again = venue.place(marketBuy(qty));

        assertThat(again.duplicate()).isTrue();
        assertThat(again.order().clientOrderId()).isEqualTo(clientOrderId());
        assertThat(venue.fills(now() - HOUR, now() + HOUR))
                .filteredOn(f -> f.clientOrderId().equals(clientOrderId()))
                .extracting(Fill::qty).containsExactly(qty);
    }

    @Test
    void cancelOfUnknownIdIsFalse() throws Exception {
        assertThat(venue.cancel(symbol(), "never-sent-1")).isFalse();
    }

    @Test
    void orderOfUnknownIdIsNull() throws Exception {
        assertThat(venue.order(symbol(), "never-sent-1")).isNull();
    }

    private OrderRequest marketBuy(double qty) throws Exception {
        return new OrderRequest(clientOrderId(), symbol(), Side.BUY, OrderType.MARKET, qty,
                venue.ticker(symbol()).lastPrice(), false);
    }

    private double minQty() throws Exception {
        return venue.instruments().stream().filter(i -> i.symbol().equals(symbol())).findFirst().orElseThrow()
                .minQty();
    }

    private double positionQty() throws Exception {
        return venue.positions().stream().filter(p -> p.symbol().equals(symbol())).mapToDouble(Position::qty).sum();
    }
}
