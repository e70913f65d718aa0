package dev.leash.gateway.loop;

import dev.leash.gateway.venue.Account;
import dev.leash.gateway.venue.Candle;
import dev.leash.gateway.venue.Fill;
import dev.leash.gateway.venue.FundingRate;
import dev.leash.gateway.venue.Instrument;
import dev.leash.gateway.venue.Order;
import dev.leash.gateway.venue.OrderRequest;
import dev.leash.gateway.venue.PlaceResult;
import dev.leash.gateway.venue.Position;
import dev.leash.gateway.venue.Ticker;
import dev.leash.gateway.venue.Venue;
import dev.leash.gateway.venue.VenueException;

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
