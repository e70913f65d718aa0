package dev.leash.gateway.alerts;

import dev.leash.engine.StateChange;
import dev.leash.risk.TradingState;
import dev.leash.venue.http.VenueHealth;

/** Turns what the gateway learns (state changes, a stalled middle loop) into alerts; never blocks, never throws. */
public final class AlertFeed {

    /** A feed that alerts nobody. */
    public static final AlertFeed NONE = new AlertFeed(Alerts.NONE);

    private final Alerts alerts;
    private String breaker = "CLOSED";

    public AlertFeed(Alerts alerts) {
        this.alerts = alerts;
    }

    /** Alerts on HALTED entered, REDUCE_ONLY entered and REDUCE_ONLY left. */
    public void state(StateChange c) {
        if (c.from() == c.to()) {
            return;
        }
        String kind;
        if (c.to() == TradingState.HALTED) {
            kind = "halted";
        } else if (c.to() == TradingState.REDUCE_ONLY) {
            kind = "reduce_only_entered";
        } else if (c.from() == TradingState.REDUCE_ONLY) {
            kind = "reduce_only_left";
        } else {
            return;
        }
        send(new Alert(kind, c.time(), "Leash: trading " + c.from() + " -> " + c.to() + ": " + c.reason()));
    }

    /** Alerts that the middle loop stalled. */
    public void middleLoopStalled(long time, String reason) {
        send(new Alert("middle_loop_stalled", time, "Leash: middle loop stalled: " + reason));
    }

    /** Alerts when the venue's breaker opens, once per opening (HALF_OPEN back to OPEN is a new one); any thread. */
    public synchronized void venueHealth(VenueHealth h, long time) {
        String before = breaker;
        breaker = h.breakerState();
        if ("OPEN".equals(h.breakerState()) && !"OPEN".equals(before)) {
            send(new Alert("breaker_open", time, "Leash: venue " + h.venue()
                    + " circuit breaker OPEN: trading is reduce-only until the venue recovers"));
        }
    }

    private void send(Alert a) {
        alerts.offer(a); // never blocks: a full queue drops and counts
    }
}
