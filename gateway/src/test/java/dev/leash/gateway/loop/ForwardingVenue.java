package dev.leash.gateway.loop;

import dev.leash.venue.Account;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Ticker;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.List;

/** A venue that forwards every call to another; tests override the calls they want to disturb. */
abstract class ForwardingVenue implements Venue {

    private final Venue delegate;

    ForwardingVenue(Venue delegate) {
        this.delegate = delegate;
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public List<String> symbols() {
        return delegate.symbols();
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return delegate.instruments();
    }

    @Override
    public List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        return delegate.candles(symbol, fromMillis, toMillis);
    }

    @Override
    public Ticker ticker(String symbol) throws VenueException {
        return delegate.ticker(symbol);
    }

    @Override
    public FundingRate funding(String symbol) throws VenueException {
        return delegate.funding(symbol);
    }

    @Override
    public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException {
        return delegate.fundingHistory(symbol, fromMillis, toMillis);
    }

    @Override
    public Account account() throws VenueException {
        return delegate.account();
    }

    @Override
    public List<Position> positions() throws VenueException {
        return delegate.positions();
    }

    @Override
    public List<Order> openOrders() throws VenueException {
        return delegate.openOrders();
    }

    @Override
    public List<Fill> fills(long fromMillis, long toMillis) throws VenueException {
        return delegate.fills(fromMillis, toMillis);
    }

    @Override
    public PlaceResult place(OrderRequest request) throws VenueException {
        return delegate.place(request);
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) throws VenueException {
        return delegate.cancel(symbol, clientOrderId);
    }

    @Override
    public Order order(String symbol, String clientOrderId) throws VenueException {
        return delegate.order(symbol, clientOrderId);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
