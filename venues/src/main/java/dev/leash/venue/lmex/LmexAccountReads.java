package dev.leash.venue.lmex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.Position;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;
import dev.leash.venue.http.QueryString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** LMEX private reads: wallet, positions, open orders and trade history. Thread-safe. */
final class LmexAccountReads {

    private static final Logger LOG = LoggerFactory.getLogger(LmexAccountReads.class);
    /** LMEX answers trade_history for at most 7 days per call. */
    static final long WEEK = 7L * 24 * 3_600_000L;
    /** How far back {@link #fills} looks at most. */
    static final long MAX_FILL_HISTORY = 365L * 24 * 3_600_000L;
    static final int TRADE_COUNT = 500;
    private static final int MAX_PAGES = 200;

    private final LmexApi api;
    private final LmexOrders.Specs specs;

    LmexAccountReads(LmexApi api, LmexOrders.Specs specs) {
        this.api = api;
        this.specs = specs;
    }

    /**
     * The cross wallet ({@code CROSS@}, else the first): equity = {@code totalValue}, unrealized P&L =
     * {@code unrealisedProfitLoss}, wallet balance = equity - unrealized, available = {@code availableBalance}.
     */
    Account account() throws VenueException {
        JsonNode root = api.privateGet("/user/wallet", new QueryString());
        if (!root.isArray() || root.isEmpty()) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex user/wallet: expected a non-empty array of wallets");
        }
        JsonNode w = root.get(0);
        for (JsonNode n : root) {
            if ("CROSS@".equals(n.path("wallet").asText())) {
                w = n;
            }
        }
        double equity = LmexJson.num(w, Double.NaN, "totalValue", "marginBalance");
        if (Double.isNaN(equity)) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex user/wallet lacks totalValue");
        }
        double upl = LmexJson.num(w, 0, "unrealisedProfitLoss", "unrealizedProfitLoss");
        return new Account(equity, equity - upl, LmexJson.num(w, 0, "availableBalance"), upl);
    }

    /** Positions with a size: {@code side} BUY/LONG is long, SELL/SHORT short; size contracts -> signed base qty. */
    List<Position> positions() throws VenueException {
        List<Position> out = new ArrayList<>();
        for (JsonNode p : array(api.privateGet("/user/positions", new QueryString()), "user/positions")) {
            double size = LmexJson.num(p, 0, "size");
            if (size == 0) {
                continue;
            }
            String symbol = p.path("symbol").asText();
            double qty = LmexSpec.baseQty(Math.abs(size), LmexJson.contractSize(p, contractSize(symbol)));
            double signed = LmexJson.side(p.path("side").asText()).sign() * qty;
            out.add(new Position(symbol, signed, LmexJson.num(p, 0, "entryPrice"),
                    LmexJson.num(p, Double.NaN, "markPrice"), LmexJson.num(p, 0, "unrealizedProfitLoss")));
        }
        return out;
    }

    List<Order> openOrders() throws VenueException {
        List<Order> out = new ArrayList<>();
        for (JsonNode o : array(api.privateGet("/user/open_orders", new QueryString()), "user/open_orders")) {
            Order order = LmexJson.order(o, contractSize(o.path("symbol").asText()));
            if (order.status().open()) {
                out.add(order);
            }
        }
        return out;
    }

    /**
     * Trades in {@code [from, to)}, oldest first: asked for in windows of 7 days (LMEX's limit), each paged by
     * count: a full page moves the window's end to the oldest trade seen, and trades are deduplicated by id.
     */
    List<Fill> fills(long fromMillis, long toMillis) throws VenueException {
        long to = Math.min(toMillis, api.now() + 1);
        long from = Math.max(fromMillis, to - MAX_FILL_HISTORY);
        Map<String, Fill> byId = new LinkedHashMap<>();
        for (long start = from; start < to; start += WEEK) {
            window(start, Math.min(to, start + WEEK), byId);
        }
        List<Fill> out = new ArrayList<>();
        for (Fill f : byId.values()) {
            if (f.time() >= fromMillis && f.time() < toMillis) {
                out.add(f);
            }
        }
        out.sort(Comparator.comparingLong(Fill::time).thenComparing(Fill::fillId));
        return out;
    }

    private void window(long start, long end, Map<String, Fill> byId) throws VenueException {
        long last = end - 1;
        for (int page = 0; page < MAX_PAGES; page++) {
            QueryString q = new QueryString().add("startTime", start).add("endTime", last).add("count", TRADE_COUNT);
            JsonNode rows = array(api.privateGet("/user/trade_history", q), "user/trade_history");
            long oldest = Long.MAX_VALUE;
            int added = 0;
            for (JsonNode t : rows) {
                Fill f = LmexJson.fill(t, contractSize(t.path("symbol").asText()));
                oldest = Math.min(oldest, f.time());
                if (byId.putIfAbsent(f.fillId(), f) == null) {
                    added++;
                }
            }
            if (rows.size() < TRADE_COUNT || oldest <= start) {
                return;
            }
            if (added == 0) {
                LOG.warn("lmex: more than {} trades at {}; trades in that millisecond may be missing", TRADE_COUNT,
                        oldest);
                return;
            }
            last = oldest;
        }
        throw new HttpVenueException(Kind.MALFORMED, "lmex trade_history: more than " + MAX_PAGES + " pages");
    }

    private double contractSize(String symbol) throws VenueException {
        return LmexOrderLookup.contractSize(specs, symbol);
    }

    private static JsonNode array(JsonNode root, String what) throws HttpVenueException {
        if (!root.isArray()) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex " + what + ": the answer is not an array");
        }
        return root;
    }
}
