package dev.leash.venue;

import java.util.List;

/**
 * What placing an order produced: the order as the venue now knows it and any fills it produced at once (a
 * simulated market order fills immediately; a real venue acknowledges and reports fills later).
 *
 * @param duplicate true when the venue already had an order with this client order id (the order exists)
 */
public record PlaceResult(Order order, List<Fill> fills, boolean duplicate, String rejectReason) {

    public PlaceResult {
        fills = List.copyOf(fills);
    }

    public boolean rejected() {
        return order.status() == OrderStatus.REJECTED;
    }
}
