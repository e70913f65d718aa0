package dev.leash.venue.sim;

import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;

import java.util.List;

/**
 * The account half of a venue whose orders fill on a local {@link SimExchange}: account, positions, orders and
 * fills, each change saved by {@link #persist()} before it is returned. Shared by the simulated and paper venues,
 * which differ only in where prices and time come from. Synchronized on the venue.
 */
abstract class PaperAccountVenue implements Venue {

    final SimExchange exchange;

    PaperAccountVenue(SimExchange exchange) {
        this.exchange = exchange;
    }

    /** The venue's time for new orders, epoch ms. */
    abstract long orderTime();

    /** Saves the account durably. */
    final void persist() {
        persist(List.of());
    }

    /** Saves the account durably, with the {@code fills} that just entered it (see {@link StateStore#save}). */
    abstract void persist(List<Fill> fills);

    @Override
    public List<Instrument> instruments() {
        return exchange.instruments();
    }

    @Override
    public synchronized Account account() {
        return exchange.account();
    }

    @Override
    public synchronized List<Position> positions() {
        return exchange.positions();
    }

    @Override
    public synchronized List<Order> openOrders() {
        return exchange.openOrders();
    }

    @Override
    public synchronized List<Fill> fills(long fromMillis, long toMillis) {
        return exchange.fills(fromMillis, toMillis);
    }

    /** Places an order, all or nothing: when its save fails the account is rolled back and the failure thrown. */
    @Override
    public synchronized PlaceResult place(OrderRequest request) {
        SimExchange.Savepoint before = exchange.savepoint();
        PlaceResult r = exchange.place(request, orderTime());
        if (!r.fills().isEmpty() || !r.rejected()) {
            persistOrRollBack(r.fills(), before);
        }
        return r;
    }

    /** Cancels an order, all or nothing as {@link #place} does. */
    @Override
    public synchronized boolean cancel(String symbol, String clientOrderId) {
        SimExchange.Savepoint before = exchange.savepoint();
        boolean cancelled = exchange.cancel(clientOrderId);
        if (cancelled) {
            persistOrRollBack(List.of(), before);
        }
        return cancelled;
    }

    /** Saves the change; when that fails, undoes it in memory too, so memory never runs ahead of the store. */
    private void persistOrRollBack(List<Fill> fills, SimExchange.Savepoint before) {
        try {
            persist(fills);
        } catch (RuntimeException e) {
            exchange.rollback(before);
            throw e;
        }
    }

    @Override
    public synchronized Order order(String symbol, String clientOrderId) {
        return exchange.order(clientOrderId);
    }

    /** Equity of the paper account at the last prices, for the engine's sizing. */
    public synchronized double equity() {
        return exchange.equity();
    }
}
