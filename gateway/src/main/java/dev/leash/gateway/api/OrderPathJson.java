package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.loop.FeedHealth;
import dev.leash.gateway.loop.OrderPathHealth;

/** The health sub-objects of the inner loop's order path ({@code order_path}) and market data ({@code feed}). */
final class OrderPathJson {

    private OrderPathJson() {
    }

    /** True when no journal write waits and no symbol is held reduce-only for either cause. */
    static boolean ok(OrderPathHealth op, FeedHealth feed) {
        return (op == null || op.journalOk() && op.holds().isEmpty())
                && (feed == null || feed.symbols().stream().noneMatch(FeedHealth.SymbolFeed::stale));
    }

    /** Journal writes of the order path and the symbols held until reconciled with the venue. */
    static ObjectNode orderPath(OrderPathHealth op) {
        ObjectNode o = Json.object();
        if (op == null) {
            o.put("ok", true);
            return o;
        }
        o.put("ok", op.journalOk() && op.holds().isEmpty());
        ObjectNode j = o.putObject("journal");
        j.put("ok", op.journalOk());
        j.put("queued_writes", op.queuedWrites());
        j.put("failed_writes", op.failedWrites());
        j.put("dropped_writes", op.droppedWrites());
        if (op.failingSince() != Long.MIN_VALUE) {
            j.put("failing_since", Json.time(op.failingSince()));
        }
        if (op.firstFailure() != null) {
            j.put("first_failure", op.firstFailure());
        }
        if (op.lastError() != null) {
            j.put("last_error", op.lastError());
        }
        ArrayNode held = o.putArray("held_symbols");
        for (OrderPathHealth.Hold h : op.holds()) {
            ObjectNode n = held.addObject();
            n.put("symbol", h.symbol());
            n.put("state", "REDUCE_ONLY");
            n.put("cause", h.cause());
            n.put("detail", h.detail());
            n.put("since", Json.time(h.since()));
        }
        OrderPathHealth.Hold r = op.lastResolved();
        if (r != null) {
            ObjectNode n = o.putObject("last_resolved");
            n.put("symbol", r.symbol());
            n.put("cause", r.cause());
            n.put("detail", r.detail());
            n.put("since", Json.time(r.since()));
            n.put("until", Json.time(op.lastResolvedAt()));
        }
        return o;
    }

    /** Lag percentiles of the newest market event, and each symbol's age and hold. */
    static ObjectNode feed(FeedHealth f) {
        ObjectNode o = Json.object();
        o.put("ok", f.symbols().stream().noneMatch(FeedHealth.SymbolFeed::stale));
        o.put("stale_after_ms", f.staleAfterMillis());
        ObjectNode lag = o.putObject("lag_ms");
        lag.put("p50", f.lagP50());
        lag.put("p99", f.lagP99());
        lag.put("max", f.lagMax());
        lag.put("samples", f.samples());
        ArrayNode symbols = o.putArray("symbols");
        for (FeedHealth.SymbolFeed s : f.symbols()) {
            ObjectNode n = symbols.addObject();
            n.put("symbol", s.symbol());
            n.put("age_ms", s.ageMillis());
            n.put("state", s.stale() ? "REDUCE_ONLY" : "ACTIVE");
            if (s.stale()) {
                n.put("stale_since", Json.time(s.staleSince()));
            }
        }
        return o;
    }
}
