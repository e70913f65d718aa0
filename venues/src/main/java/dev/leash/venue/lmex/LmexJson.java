package dev.leash.venue.lmex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.Side;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;

/**
 * Reads LMEX's number-typed values (numeric strings are accepted too) and maps its items onto the venue records.
 * Sizes arrive in contracts and leave in base units (see {@link LmexSpec}).
 */
final class LmexJson {

    /** Times below this are epoch seconds (LMEX's ohlcv and funding history), above it epoch milliseconds. */
    private static final long SECONDS_LIMIT = 100_000_000_000L;

    private LmexJson() {
    }

    static boolean present(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isEmpty());
    }

    /** A required number. */
    static double num(JsonNode n, String field) throws HttpVenueException {
        if (!present(n, field)) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex answer lacks " + field);
        }
        JsonNode v = n.get(field);
        if (v.isNumber()) {
            return v.doubleValue();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex answer has a non-numeric " + field + ": " + v.asText());
        }
    }

    /** The first of {@code fields} present, or {@code fallback}. */
    static double num(JsonNode n, double fallback, String... fields) throws HttpVenueException {
        for (String f : fields) {
            if (present(n, f)) {
                return num(n, f);
            }
        }
        return fallback;
    }

    /** Epoch milliseconds from a time in seconds or milliseconds. */
    static long millis(double t) {
        long v = (long) t;
        return v < SECONDS_LIMIT ? v * 1000L : v;
    }

    static Side side(String s) throws HttpVenueException {
        return switch (s) {
            case "BUY", "LONG" -> Side.BUY;
            case "SELL", "SHORT" -> Side.SELL;
            default -> throw new HttpVenueException(Kind.MALFORMED, "lmex answer has an unknown side: " + s);
        };
    }

    /**
     * LMEX order status codes: 2 inserted, 4 filled, 5 partially filled, 6 cancelled, 9/10 trigger inserted or
     * activated, 8 (insufficient balance) and 15 rejected; null for any other code (16 is "not found").
     */
    static OrderStatus status(int code) {
        return switch (code) {
            case 2, 9, 10 -> OrderStatus.NEW;
            case 4 -> OrderStatus.FILLED;
            case 5 -> OrderStatus.PARTIALLY_FILLED;
            case 6 -> OrderStatus.CANCELLED;
            case 8, 15 -> OrderStatus.REJECTED;
            default -> null;
        };
    }

    /** 76 limit, 77 market (80 algo is read as limit). */
    static OrderType type(JsonNode o) {
        return o.path("orderType").asInt(76) == 77 ? OrderType.MARKET : OrderType.LIMIT;
    }

    /**
     * An order from open_orders (or an order answer): sizes in contracts are converted with the item's
     * {@code contractSize}, else the market's. Open orders carry no status code, only {@code orderState}; the
     * status is then derived from the filled and remaining sizes (open_orders also lists recently matched orders).
     */
    static Order order(JsonNode o, double marketContractSize) throws HttpVenueException {
        double cs = contractSize(o, marketContractSize);
        double size = num(o, 0, "currentOrderSize", "originalOrderSize", "originalSize", "size");
        double filled = num(o, 0, "totalFilledSize", "filledSize", "fillSize");
        double remaining = num(o, Math.max(0, size - filled), "remainingSize");
        OrderStatus status = present(o, "status") ? status(o.path("status").asInt()) : null;
        if (status == null) {
            status = remaining <= 0 && filled > 0 ? OrderStatus.FILLED
                    : filled > 0 ? OrderStatus.PARTIALLY_FILLED : OrderStatus.NEW;
        }
        OrderType type = type(o);
        return new Order(o.path("clOrderID").asText(""), o.path("orderID").asText(""), o.path("symbol").asText(),
                side(o.path("side").asText()), type, LmexSpec.baseQty(size, cs),
                type == OrderType.LIMIT ? num(o, Double.NaN, "price") : Double.NaN, LmexSpec.baseQty(filled, cs),
                status, o.path("reduceOnly").asBoolean(false), (long) num(o, 0, "timestamp"));
    }

    /** The item's own {@code contractSize}, else the market's; an error when neither is known. */
    static double contractSize(JsonNode n, double marketContractSize) throws HttpVenueException {
        double cs = num(n, marketContractSize, "contractSize");
        if (!(cs > 0)) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex: no contract size for " + n.path("symbol").asText()
                    + " (the item has none and market_summary does not list the market)");
        }
        return cs;
    }

    /** A trade from trade_history: {@code filledSize} contracts at {@code filledPrice}; fee positive when paid. */
    static Fill fill(JsonNode t, double marketContractSize) throws HttpVenueException {
        double cs = contractSize(t, marketContractSize);
        String id = present(t, "tradeId") ? t.path("tradeId").asText() : t.path("serialId").asText();
        return new Fill(id, t.path("clOrderID").asText(""), t.path("orderId").asText(""), t.path("symbol").asText(),
                side(t.path("side").asText()),
                LmexSpec.baseQty(num(t, present(t, "filledSize") ? "filledSize" : "size"), cs),
                num(t, present(t, "filledPrice") ? "filledPrice" : "price"), num(t, 0, "feeAmount"),
                num(t, 0, "realizedPnL", "realizedPnl"), millis(num(t, "timestamp")), t.path("maker").asBoolean(false));
    }
}
