package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;

import java.util.List;

/** A trade recorder that keeps nothing and fails the test on a failed order. */
final class NoTradeRecorder implements TradeRecorder {
    @Override
    public void orderSending(OrderIntent intent) {
    }

    @Override
    public void orderPlaced(OrderIntent intent, PlaceResult result) {
    }

    @Override
    public void orderFailed(OrderIntent intent, String error) {
        throw new AssertionError("order failed: " + error);
    }

    @Override
    public boolean fill(Fill fill, long paramsVersion) {
        return true;
    }

    @Override
    public void equity(long time, Account account) {
    }

    @Override
    public void positions(long time, List<Position> positions) {
    }

    @Override
    public void event(long time, String kind, String message) {
    }

    @Override
    public void paramsActive(long version, long tradingTime, long wallTime) {
    }
}
