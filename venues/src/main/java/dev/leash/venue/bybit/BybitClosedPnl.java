package dev.leash.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.venue.Fill;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.QueryString;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Realized P&L for Bybit executions. The execution list carries none, so each closing execution ({@code closedSize}
 * above 0) takes its share, by closed size, of its order's records on {@code GET /v5/position/closed-pnl}. A record's
 * P&L before fees is its exit value less its entry value (signed by the side it closed); {@code closedPnl} itself
 * is net of Bybit's fees, which each fill already carries, so it is used only when the values are missing (with the
 * {@code openFee} and {@code closeFee} it lists added back). A close whose record Bybit has not published yet gets
 * NaN (unknown), never 0: the journal fills it in when a later read finds it.
 */
final class BybitClosedPnl {

    /** Records appear shortly after the close: how far past the last execution the records are asked for. */
    static final long RECORD_DELAY_MILLIS = 60_000;

    private final BybitApi api;

    BybitClosedPnl(BybitApi api) {
        this.api = api;
    }

    /** One realized-P&L share per closing execution. */
    private record Closed(double pnl, double size) {
    }

    /** The executions as fills, oldest first as given, each closing one with its realized P&L. */
    List<Fill> fills(List<JsonNode> executions, String symbolOrNull) throws VenueException {
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (JsonNode e : executions) {
            if (BybitJson.num(e, "closedSize", 0) > 0) {
                long t = BybitJson.time(e, "execTime");
                first = Math.min(first, t);
                last = Math.max(last, t);
            }
        }
        Map<String, Closed> byOrder = first > last ? Map.of() : records(symbolOrNull, first, last);
        List<Fill> out = new ArrayList<>(executions.size());
        for (JsonNode e : executions) {
            double closedSize = BybitJson.num(e, "closedSize", 0);
            double pnl = 0;
            if (closedSize > 0) {
                Closed c = byOrder.get(e.path("orderId").asText());
                pnl = c == null || !(c.size() > 0) ? Double.NaN : c.pnl() * closedSize / c.size();
            }
            out.add(BybitJson.fill(e, pnl));
        }
        return out;
    }

    /** The closed-pnl records from {@code first} to a little after {@code last}, in windows of at most 7 days. */
    private Map<String, Closed> records(String symbolOrNull, long first, long last) throws VenueException {
        Map<String, Closed> byOrder = new HashMap<>();
        long to = Math.min(last + RECORD_DELAY_MILLIS, api.now() + 1);
        for (long start = first; start < to; start += BybitVenue.WEEK) {
            long end = Math.min(to, start + BybitVenue.WEEK);
            QueryString q = new QueryString().add("category", "linear");
            if (symbolOrNull != null) {
                q.add("symbol", symbolOrNull);
            }
            q.add("startTime", start).add("endTime", end - 1).add("limit", 100);
            for (JsonNode r : api.pages("/v5/position/closed-pnl", q, true)) {
                Closed c = new Closed(pnlBeforeFees(r), BybitJson.num(r, "closedSize"));
                byOrder.merge(r.path("orderId").asText(), c, (a, b) -> new Closed(a.pnl() + b.pnl(),
                        a.size() + b.size()));
            }
        }
        return byOrder;
    }

    /** A record's P&L before fees: a Sell closed a long (exit less entry), a Buy closed a short (entry less exit). */
    static double pnlBeforeFees(JsonNode r) throws VenueException {
        double entry = BybitJson.num(r, "cumEntryValue", Double.NaN);
        double exit = BybitJson.num(r, "cumExitValue", Double.NaN);
        if (Double.isFinite(entry) && Double.isFinite(exit)) {
            return "Sell".equals(r.path("side").asText()) ? exit - entry : entry - exit;
        }
        return BybitJson.num(r, "closedPnl") + BybitJson.num(r, "openFee", 0) + BybitJson.num(r, "closeFee", 0);
    }
}
