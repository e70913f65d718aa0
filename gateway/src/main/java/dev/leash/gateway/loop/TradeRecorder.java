package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;

import java.util.List;

/** Where the inner loop records what it did with the venue; every method is durable before it returns. */
public interface TradeRecorder {

    /** The order is about to be sent: recorded first, so a crash mid-send leaves a trace to resolve. */
    void orderSending(OrderIntent intent);

    void orderPlaced(OrderIntent intent, PlaceResult result);

    void orderFailed(OrderIntent intent, String error);

    /** Records a fill; false when it was already recorded. */
    boolean fill(Fill fill, long paramsVersion);

    void equity(long time, Account account);

    void positions(long time, List<Position> positions);

    void event(long time, String kind, String message);

    /** Parameter version {@code version} drives the inner loop from trading time {@code tradingTime}. */
    void paramsActive(long version, long tradingTime, long wallTime);
}
