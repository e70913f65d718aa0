package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the journal in line with the venue's orders and fills, the venue being the truth: orders the journal
 * thinks open but the venue finished get their final status, fills the journal missed are recorded, and orders
 * at the venue the gateway never sent are reported (once each) but never cancelled: they may be the trader's own.
 * Fills of orders this gateway did not place (no {@link OrderIntent#CLIENT_ORDER_ID_PREFIX}) are reported once and
 * never journaled, so a hand trade's P&L is never credited to a parameter version.
 *
 * <p>It leaves alone what the inner loop is still handling: orders younger than {@link #SETTLE_MILLIS}. Runs on
 * the middle loop's thread; the journal is safe to share.
 */
final class OrderReconciler {

    /** Orders and fills younger than this are the inner loop's business. */
    static final long SETTLE_MILLIS = 120_000;
    /** How far back venue fills are compared with the journal. */
    static final long FILL_WINDOW_MILLIS = 6 * 3_600_000L;

    private final Venue venue;
    private final Journal journal;
    private final TradeRecorder recorder;
    private final Set<String> reportedUnknown = new HashSet<>();
    private Set<String> reportedForeignFills = new HashSet<>();

    OrderReconciler(Venue venue, Journal journal, TradeRecorder recorder) {
        this.venue = venue;
        this.journal = journal;
        this.recorder = recorder;
    }

    /** One pass; returns the number of differences found. */
    int reconcile(long now, long currentParamsVersion) throws VenueException {
        int differences = 0;
        Map<String, Order> atVenue = new HashMap<>();
        for (Order o : venue.openOrders()) {
            atVenue.put(o.clientOrderId(), o);
            if (journal.order(o.clientOrderId()).isEmpty() && reportedUnknown.add(o.clientOrderId())) {
                differences++;
                recorder.event(now, "reconcile", "order " + o.clientOrderId() + " (" + o.symbol() + " " + o.side()
                        + " " + o.qty() + ") is open at the venue but was not sent by this gateway; left alone");
            }
        }
        Map<String, Long> versionOf = new HashMap<>();
        for (OrderRecord r : journal.orders(null, true, 500)) {
            versionOf.put(r.clientOrderId(), r.paramsVersion());
            if (atVenue.containsKey(r.clientOrderId()) || now - r.updatedAt() < SETTLE_MILLIS) {
                continue;
            }
            Order o = venue.order(r.symbol(), r.clientOrderId());
            if (o == null) {
                differences++;
                journal.updateOrderStatus(r.clientOrderId(), "REJECTED", r.filledQty(), now);
                recorder.event(now, "reconcile", "order " + r.clientOrderId() + " is " + r.status()
                        + " in the journal but unknown to the venue; marked rejected");
            } else if (!o.status().open()) {
                differences++;
                journal.updateOrderStatus(r.clientOrderId(), o.status().name(), o.filledQty(), now);
                recorder.event(now, "reconcile", "order " + r.clientOrderId() + " is " + o.status()
                        + " at the venue; the journal said " + r.status());
            }
        }
        List<Fill> fills = venue.fills(now - FILL_WINDOW_MILLIS, now - SETTLE_MILLIS);
        Set<String> foreign = new HashSet<>();
        for (Fill f : fills) {
            if (!OrderIntent.isOwn(f.clientOrderId())) {
                foreign.add(f.fillId());
                if (!reportedForeignFills.contains(f.fillId())) {
                    differences++;
                    recorder.event(now, "reconcile", "fill " + f.fillId() + " of " + describe(f) + " ("
                            + f.symbol() + " " + f.side() + " " + f.qty() + " @ " + f.price()
                            + ") is not this gateway's; not journaled");
                }
                continue;
            }
            long version = versionOf.getOrDefault(f.clientOrderId(),
                    journal.order(f.clientOrderId()).map(OrderRecord::paramsVersion).orElse(currentParamsVersion));
            if (recorder.fill(f, version)) {
                differences++;
                recorder.event(now, "reconcile", "fill " + f.fillId() + " of " + f.clientOrderId() + " ("
                        + f.symbol() + " " + f.side() + " " + f.qty() + " @ " + f.price()
                        + ") was missing from the journal; recorded");
            }
        }
        reportedForeignFills = foreign; // reported once while in the window
        return differences;
    }

    private static String describe(Fill f) {
        return f.clientOrderId() == null || f.clientOrderId().isEmpty() ? "venue order " + f.venueOrderId()
                + " (no client order id)" : "order " + f.clientOrderId();
    }
}
