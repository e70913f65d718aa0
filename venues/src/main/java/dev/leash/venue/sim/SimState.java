package dev.leash.venue.sim;

import dev.leash.venue.Fill;
import dev.leash.venue.Order;

import java.util.List;

/** A snapshot of the paper account: what survives a restart. */
public record SimState(long time, double walletBalance, long fillSeq, List<Holding> holdings, List<Order> orders,
                       List<Fill> fills) {

    /** One symbol's position and last price. */
    public record Holding(String symbol, double qty, double entryPrice, double lastPrice) {
    }
}
