package dev.leash.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.QueryString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Order writes and order lookups by client order id (Bybit's {@code orderLinkId}).
 *
 * <p>A placement is never re-sent blindly. When its outcome is unknown (timeout, connection reset, 5xx, retCode
 * 10016) the order is looked up by its orderLinkId: found, it is returned; not found, it never reached Bybit and it
 * is sent once more with the same orderLinkId, which Bybit refuses (110072) if the first one arrived after all.
 */
final class BybitOrders {

    private static final Logger LOG = LoggerFactory.getLogger(BybitOrders.class);

    private final BybitApi api;

    BybitOrders(BybitApi api) {
        this.api = api;
    }

    PlaceResult place(OrderRequest req, Instrument in) throws VenueException {
        if (in == null) {
            return rejected(req, "unknown symbol " + req.symbol() + " on bybit; not sent");
        }
        double qty = in.roundQtyDown(req.qty());
        if (qty < in.minQty()) {
            return rejected(req, "quantity " + req.qty() + " rounds down to " + qty + ", below the minimum order"
                    + " quantity " + in.minQty() + " of " + req.symbol() + "; not sent");
        }
        double price = req.type() == OrderType.LIMIT ? in.roundPrice(req.price()) : Double.NaN;
        if (req.type() == OrderType.LIMIT && !(price > 0)) {
            return rejected(req, "limit price " + req.price() + " is not positive; not sent");
        }
        double ref = req.type() == OrderType.LIMIT ? price : req.price();
        if (ref > 0 && qty * ref < in.minNotional()) {
            return rejected(req, "notional " + qty * ref + " is below the minimum " + in.minNotional() + " of "
                    + req.symbol() + "; not sent");
        }
        ObjectNode b = BybitApi.JSON.createObjectNode();
        b.put("category", "linear").put("symbol", req.symbol()).put("side", BybitJson.side(req.side()))
                .put("orderType", req.type() == OrderType.LIMIT ? "Limit" : "Market")
                .put("qty", BybitJson.decimal(qty, in.lotStep()));
        if (req.type() == OrderType.LIMIT) {
            b.put("price", BybitJson.decimal(price, in.tickSize())).put("timeInForce", "GTC");
        }
        b.put("reduceOnly", req.reduceOnly()).put("orderLinkId", req.clientOrderId());
        return send(req, qty, b.toString());
    }

    private PlaceResult send(OrderRequest req, double qty, String body) throws VenueException {
        try {
            return acknowledged(req, qty, api.post("/v5/order/create", body));
        } catch (BybitException e) {
            if (e.retCode() == BybitErrors.DUPLICATE_ORDER_LINK_ID) {
                return existing(req, true);
            }
            if (!e.outcomeUnknown()) {
                return refusal(req, e);
            }
            return resolve(req, qty, body, e);
        } catch (HttpVenueException e) {
            if (!e.outcomeUnknown()) {
                throw e;
            }
            return resolve(req, qty, body, e);
        }
    }

    /** The first send's outcome is unknown: look, then send at most once more with the same orderLinkId. */
    private PlaceResult resolve(OrderRequest req, double qty, String body, HttpVenueException cause) throws VenueException {
        String id = req.clientOrderId();
        Order found = lookup(req, cause);
        if (found != null) {
            LOG.warn("bybit: placement of {} had no answer ({}); the order exists: {}", id, cause.getMessage(),
                    found.status());
            return new PlaceResult(found, fillsOf(found), false, null);
        }
        LOG.warn("bybit: placement of {} had no answer ({}) and the order is unknown; sending it once more with"
                + " the same orderLinkId", id, cause.getMessage());
        try {
            return acknowledged(req, qty, api.post("/v5/order/create", body));
        } catch (BybitException e) {
            if (e.retCode() == BybitErrors.DUPLICATE_ORDER_LINK_ID) {
                return existing(req, false);
            }
            if (!e.outcomeUnknown()) {
                return refusal(req, e);
            }
            return afterSecondUnknown(req, e);
        } catch (HttpVenueException e) {
            if (!e.outcomeUnknown()) {
                throw e;
            }
            return afterSecondUnknown(req, e);
        }
    }

    private PlaceResult afterSecondUnknown(OrderRequest req, HttpVenueException e) throws VenueException {
        Order found = lookup(req, e);
        if (found != null) {
            return new PlaceResult(found, fillsOf(found), false, null);
        }
        throw new VenueException("bybit: order " + req.clientOrderId() + " was sent twice without an answer and"
                + " Bybit does not know it; not sent again (last: " + e.getMessage() + ")", e);
    }

    private Order lookup(OrderRequest req, HttpVenueException cause) throws VenueException {
        try {
            return order(req.symbol(), req.clientOrderId());
        } catch (VenueException q) {
            throw new VenueException("bybit: outcome of order " + req.clientOrderId() + " is unknown ("
                    + cause.getMessage() + ") and looking it up failed (" + q.getMessage() + "); resolve it by its"
                    + " client order id before sending it again", q);
        }
    }

    private PlaceResult refusal(OrderRequest req, BybitException e) throws VenueException {
        if (BybitErrors.insufficientBalance(e.retCode())) {
            return rejected(req, "insufficient balance (retCode " + e.retCode() + "): " + e.getMessage());
        }
        if (e.retCode() == BybitErrors.BAD_PARAMS) {
            return rejected(req, "parameters refused (retCode 10001): " + e.getMessage());
        }
        throw e;
    }

    /** Bybit acknowledged: the order's state right after, and its fills if it already traded. */
    private PlaceResult acknowledged(OrderRequest req, double qty, JsonNode root) {
        JsonNode r = root.path("result");
        Order known = null;
        try {
            known = order(req.symbol(), req.clientOrderId());
        } catch (VenueException e) {
            LOG.warn("bybit: order {} acknowledged, but reading its state failed: {}", req.clientOrderId(),
                    e.getMessage());
        }
        if (known == null) {
            known = new Order(req.clientOrderId(), r.path("orderId").asText(), req.symbol(), req.side(), req.type(),
                    qty, req.type() == OrderType.LIMIT ? req.price() : Double.NaN, 0, OrderStatus.NEW,
                    req.reduceOnly(), api.now());
        }
        return new PlaceResult(known, fillsOfQuietly(known), false, null);
    }

    private PlaceResult existing(OrderRequest req, boolean duplicate) throws VenueException {
        Order o = order(req.symbol(), req.clientOrderId());
        if (o == null) {
            throw new VenueException("bybit: orderLinkId " + req.clientOrderId() + " is a duplicate, but the order"
                    + " cannot be found");
        }
        return new PlaceResult(o, fillsOf(o), duplicate, null);
    }

    private static PlaceResult rejected(OrderRequest req, String reason) {
        Order o = new Order(req.clientOrderId(), "", req.symbol(), req.side(), req.type(), req.qty(), req.price(), 0,
                OrderStatus.REJECTED, req.reduceOnly(), 0);
        return new PlaceResult(o, List.of(), false, reason);
    }

    private List<Fill> fillsOfQuietly(Order o) {
        try {
            return fillsOf(o);
        } catch (VenueException e) {
            LOG.warn("bybit: fills of order {} could not be read: {}", o.clientOrderId(), e.getMessage());
            return List.of();
        }
    }

    /** The executions of an order that has traded, oldest first. */
    List<Fill> fillsOf(Order o) throws VenueException {
        if (!(o.filledQty() > 0)) {
            return List.of();
        }
        QueryString q = new QueryString().add("category", "linear").add("symbol", o.symbol())
                .add("orderLinkId", o.clientOrderId()).add("limit", 100);
        List<Fill> out = new ArrayList<>(new BybitClosedPnl(api).fills(api.pages("/v5/execution/list", q, true),
                o.symbol()));
        out.sort(java.util.Comparator.comparingLong(Fill::time));
        return out;
    }

    /**
     * The order with this orderLinkId: {@code /v5/order/realtime} first, then {@code /v5/order/history} for an
     * order that is no longer open; null when Bybit knows neither.
     */
    Order order(String symbol, String clientOrderId) throws VenueException {
        for (String path : List.of("/v5/order/realtime", "/v5/order/history")) {
            QueryString q = new QueryString().add("category", "linear").add("symbol", symbol)
                    .add("orderLinkId", clientOrderId);
            JsonNode list = api.privateGet(path, q).path("result").path("list");
            for (JsonNode o : list) {
                if (clientOrderId.equals(o.path("orderLinkId").asText())) {
                    return BybitJson.order(o);
                }
            }
        }
        return null;
    }

    /** Cancels by orderLinkId; false when Bybit has no such open order (110001). Not retried. */
    boolean cancel(String symbol, String clientOrderId) throws VenueException {
        ObjectNode b = BybitApi.JSON.createObjectNode();
        b.put("category", "linear").put("symbol", symbol).put("orderLinkId", clientOrderId);
        try {
            api.post("/v5/order/cancel", b.toString());
            return true;
        } catch (BybitException e) {
            if (e.retCode() == BybitErrors.ORDER_NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }
}
