package dev.leash.venue.lmex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;
import dev.leash.venue.http.QueryString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * Order writes and lookups by client order id (LMEX's {@code clOrderID}).
 *
 * <p>LMEX's documentation does not say that it refuses a second order with a {@code clOrderID} already used (its
 * cancel "cancels all orders with that ID", which suggests it does not). So before sending, the order is looked up:
 * a hit means it exists and the result says {@code duplicate}, nothing is sent. A placement is never re-sent
 * blindly: when its outcome is unknown (timeout, connection reset, 5xx, an unreadable answer) the order is looked up;
 * found, it is returned; not found, it is sent once more with the same clOrderID.
 *
 * <p>Residual risk, not verifiable without LMEX itself: an order that reached LMEX but is not yet visible to the
 * lookup, or one cancelled without any fill, looks "not found" and the one re-send may then create a second order.
 */
final class LmexOrders {

    private static final Logger LOG = LoggerFactory.getLogger(LmexOrders.class);
    private static final String ORDER = "/order";

    /** The market rules of a symbol, or null when LMEX does not list it. */
    @FunctionalInterface
    interface Specs {
        LmexSpec spec(String symbol) throws VenueException;
    }

    private final LmexApi api;
    private final Specs specs;

    LmexOrders(LmexApi api, Specs specs) {
        this.api = api;
        this.specs = specs;
    }

    PlaceResult place(OrderRequest req) throws VenueException {
        LmexSpec spec = specs.spec(req.symbol());
        if (spec == null) {
            return rejected(req, "unknown symbol " + req.symbol() + " on lmex; not sent");
        }
        BigDecimal contracts = spec.contractsDown(req.qty());
        if (contracts.doubleValue() < spec.minOrderSize()) {
            return rejected(req, "quantity " + req.qty() + " is " + contracts.toPlainString() + " contracts of "
                    + spec.contractSize() + " after rounding down to " + spec.sizeIncrement() + ", below the minimum"
                    + " order size of " + spec.minOrderSize() + " contracts of " + req.symbol() + "; not sent");
        }
        BigDecimal price = null;
        if (req.type() == OrderType.LIMIT) {
            price = req.price() > 0 ? spec.price(req.price()) : BigDecimal.ZERO;
            if (price.signum() <= 0) {
                return rejected(req, "limit price " + req.price() + " is not positive after rounding; not sent");
            }
        }
        Order existing = order(req.symbol(), req.clientOrderId());
        if (existing != null) {
            LOG.warn("lmex: clOrderID {} already exists ({}); not sent again", req.clientOrderId(), existing.status());
            return new PlaceResult(existing, fillsQuietly(existing), true, null);
        }
        Sent sent = new Sent(req, spec, contracts, price, body(req, contracts, price));
        try {
            return answered(sent, post(sent));
        } catch (HttpVenueException e) {
            return e.outcomeUnknown() ? resolve(sent, e) : refusal(req, e);
        }
    }

    /** One placement as sent: the request, its market, and the exact body. */
    private record Sent(OrderRequest req, LmexSpec spec, BigDecimal contracts, BigDecimal price, String body) {
    }

    private JsonNode post(Sent s) throws VenueException {
        return api.write("POST", ORDER, new QueryString(), s.body());
    }

    static String body(OrderRequest req, BigDecimal contracts, BigDecimal price) {
        ObjectNode b = LmexApi.JSON.createObjectNode();
        b.put("symbol", req.symbol()).put("size", contracts).put("side", req.side().name())
                .put("type", req.type().name());
        if (price != null) {
            b.put("price", price).put("time_in_force", "GTC");
        }
        b.put("reduceOnly", req.reduceOnly()).put("clOrderID", req.clientOrderId());
        return b.toString();
    }

    /** The first send's outcome is unknown: look, then send at most once more with the same clOrderID. */
    private PlaceResult resolve(Sent s, HttpVenueException cause) throws VenueException {
        String id = s.req().clientOrderId();
        Order found = lookup(s.req(), cause);
        if (found != null) {
            LOG.warn("lmex: placement of {} had no clear answer ({}); the order exists: {}", id, cause.getMessage(),
                    found.status());
            return new PlaceResult(found, fillsQuietly(found), false, null);
        }
        LOG.warn("lmex: placement of {} had no clear answer ({}) and the order is unknown; sending it once more"
                + " with the same clOrderID", id, cause.getMessage());
        try {
            return answered(s, post(s));
        } catch (HttpVenueException e) {
            if (!e.outcomeUnknown()) {
                return refusal(s.req(), e);
            }
            Order again = lookup(s.req(), e);
            if (again != null) {
                return new PlaceResult(again, fillsQuietly(again), false, null);
            }
            throw new VenueException("lmex: order " + id + " was sent twice without a clear answer and LMEX does not"
                    + " know it; not sent again (last: " + e.getMessage() + ")", e);
        }
    }

    private Order lookup(OrderRequest req, HttpVenueException cause) throws VenueException {
        try {
            return order(req.symbol(), req.clientOrderId());
        } catch (VenueException q) {
            throw new VenueException("lmex: outcome of order " + req.clientOrderId() + " is unknown ("
                    + cause.getMessage() + ") and looking it up failed (" + q.getMessage() + "); resolve it by its"
                    + " client order id before sending it again", q);
        }
    }

    /**
     * LMEX refused the order (an error answer, HTTP 400): a rejected result. Auth failures, bans, rate limits and an
     * open circuit are exceptions: nothing was placed and the caller must know why.
     */
    private PlaceResult refusal(OrderRequest req, HttpVenueException e) throws VenueException {
        boolean badRequest = e.httpStatus() == 400 || e instanceof LmexException x && x.venueStatus() == 400;
        if (e.kind() != Kind.REFUSED || !badRequest) {
            throw e;
        }
        String m = e.getMessage().toLowerCase(Locale.ROOT);
        if (m.contains("duplicate")) {
            Order o = order(req.symbol(), req.clientOrderId());
            if (o != null) {
                return new PlaceResult(o, fillsQuietly(o), true, null);
            }
            throw e;
        }
        String why = m.contains("insufficient") ? "insufficient balance: " : "refused by LMEX: ";
        return rejected(req, why + e.getMessage());
    }

    /** LMEX answered the placement with an array of order states; the one with our clOrderID decides. */
    private PlaceResult answered(Sent s, JsonNode root) throws VenueException {
        OrderRequest req = s.req();
        if (!root.isArray() || root.isEmpty()) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex POST order: the answer is not a non-empty array");
        }
        JsonNode a = root.get(0);
        for (JsonNode n : root) {
            if (req.clientOrderId().equals(n.path("clOrderID").asText())) {
                a = n;
            }
        }
        if (!a.path("status").isNumber()) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex POST order: the answer has no numeric status");
        }
        int code = a.path("status").asInt();
        String msg = api.redact(a.path("message").asText(""));
        if (code == 8) {
            return rejected(req, "insufficient balance (status 8)" + (msg.isEmpty() ? "" : ": " + msg));
        }
        if (code == 15) {
            return rejected(req, "rejected by LMEX (status 15)" + (msg.isEmpty() ? "" : ": " + msg));
        }
        OrderStatus status = LmexJson.status(code);
        if (status == null) { // 16 "not found" or a code we do not know: the outcome is unclear, resolve by query
            throw new HttpVenueException(Kind.MALFORMED, "lmex POST order: unexpected order status " + code
                    + (msg.isEmpty() ? "" : " (" + msg + ")"));
        }
        double filled = LmexSpec.baseQty(LmexJson.num(a, 0, "totalFilledSize", "fillSize", "filledSize"),
                LmexJson.num(a, s.spec().contractSize(), "contractSize"));
        Order o = new Order(req.clientOrderId(), a.path("orderID").asText(""), req.symbol(), req.side(), req.type(),
                LmexSpec.baseQty(s.contracts().doubleValue(), s.spec().contractSize()),
                s.price() == null ? Double.NaN : s.price().doubleValue(), filled, status, req.reduceOnly(),
                (long) LmexJson.num(a, api.now(), "timestamp"));
        return new PlaceResult(o, fillsQuietly(o), false, null);
    }

    private static PlaceResult rejected(OrderRequest req, String reason) {
        Order o = new Order(req.clientOrderId(), "", req.symbol(), req.side(), req.type(), req.qty(), req.price(), 0,
                OrderStatus.REJECTED, req.reduceOnly(), 0);
        return new PlaceResult(o, List.of(), false, reason);
    }

    private List<Fill> fillsQuietly(Order o) {
        if (!(o.filledQty() > 0)) {
            return List.of();
        }
        try {
            return LmexOrderLookup.fills(api, specs, o.symbol(), o.clientOrderId());
        } catch (VenueException e) {
            LOG.warn("lmex: fills of order {} could not be read: {}", o.clientOrderId(), e.getMessage());
            return List.of();
        }
    }

    Order order(String symbol, String clientOrderId) throws VenueException {
        return LmexOrderLookup.order(api, specs, symbol, clientOrderId);
    }

    /**
     * Cancels by clOrderID; false when LMEX has no such open order. The id is required: a DELETE without one would
     * cancel every order in the market, so it is never sent. Not retried.
     */
    boolean cancel(String symbol, String clientOrderId) throws VenueException {
        if (!dev.leash.venue.OrderRequest.isValidClientOrderId(clientOrderId) || symbol == null
                || symbol.isBlank()) {
            throw new IllegalArgumentException("cancel needs a symbol and a client order id (1-36 of [A-Za-z0-9_-]);"
                    + " LMEX would cancel every order in the market without one");
        }
        QueryString q = new QueryString().add("symbol", symbol).add("clOrderID", clientOrderId);
        JsonNode root;
        try {
            root = api.write("DELETE", ORDER, q, "");
        } catch (HttpVenueException e) {
            if (LmexApi.orderNotFound(e)) {
                return false;
            }
            throw e;
        }
        for (JsonNode n : root) {
            if (n.path("status").asInt() == 6) {
                return true;
            }
        }
        return false;
    }
}
