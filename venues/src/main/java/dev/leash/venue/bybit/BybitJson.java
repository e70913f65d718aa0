package dev.leash.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.Side;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Reads Bybit's string-typed numbers and maps its items onto the venue records. */
final class BybitJson {

    private BybitJson() {
    }

    /** A required decimal field (Bybit sends numbers as strings). */
    static double num(JsonNode n, String field) throws HttpVenueException {
        JsonNode v = n.get(field);
        if (v == null || v.isNull() || v.asText().isEmpty()) {
            throw new HttpVenueException(Kind.MALFORMED, "bybit answer lacks " + field);
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            throw new HttpVenueException(Kind.MALFORMED, "bybit answer has a non-numeric " + field + ": "
                    + v.asText());
        }
    }

    /** An optional decimal field; {@code fallback} when missing or empty. */
    static double num(JsonNode n, String field, double fallback) throws HttpVenueException {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? fallback : num(n, field);
    }

    static long time(JsonNode n, String field) throws HttpVenueException {
        JsonNode v = n.get(field);
        if (v == null || v.asText().isEmpty()) {
            throw new HttpVenueException(Kind.MALFORMED, "bybit answer lacks " + field);
        }
        try {
            return Long.parseLong(v.asText());
        } catch (NumberFormatException e) {
            throw new HttpVenueException(Kind.MALFORMED, "bybit answer has a non-numeric " + field);
        }
    }

    static Side side(String s) throws HttpVenueException {
        return switch (s) {
            case "Buy" -> Side.BUY;
            case "Sell" -> Side.SELL;
            default -> throw new HttpVenueException(Kind.MALFORMED, "bybit answer has an unknown side: " + s);
        };
    }

    static String side(Side s) {
        return s == Side.BUY ? "Buy" : "Sell";
    }

    static OrderStatus status(String s) throws HttpVenueException {
        return switch (s) {
            case "Created", "New", "Untriggered", "Triggered" -> OrderStatus.NEW;
            case "PartiallyFilled" -> OrderStatus.PARTIALLY_FILLED;
            case "Filled" -> OrderStatus.FILLED;
            case "Cancelled", "PartiallyFilledCanceled", "Deactivated" -> OrderStatus.CANCELLED;
            case "Rejected" -> OrderStatus.REJECTED;
            default -> throw new HttpVenueException(Kind.MALFORMED, "bybit answer has an unknown orderStatus: " + s);
        };
    }

    static Order order(JsonNode o) throws HttpVenueException {
        OrderType type = "Limit".equals(o.path("orderType").asText()) ? OrderType.LIMIT : OrderType.MARKET;
        return new Order(o.path("orderLinkId").asText(), o.path("orderId").asText(), o.path("symbol").asText(),
                side(o.path("side").asText()), type, num(o, "qty"),
                type == OrderType.LIMIT ? num(o, "price") : Double.NaN, num(o, "cumExecQty", 0),
                status(o.path("orderStatus").asText()), o.path("reduceOnly").asBoolean(false),
                o.has("createdTime") ? time(o, "createdTime") : 0);
    }

    /**
     * An execution with its realized P&L, which the execution list does not carry (see {@link BybitClosedPnl}).
     */
    static Fill fill(JsonNode e, double realizedPnl) throws HttpVenueException {
        return new Fill(e.path("execId").asText(), e.path("orderLinkId").asText(), e.path("orderId").asText(),
                e.path("symbol").asText(), side(e.path("side").asText()), num(e, "execQty"), num(e, "execPrice"),
                num(e, "execFee", 0), realizedPnl, time(e, "execTime"), e.path("isMaker").asBoolean(false));
    }

    /** {@code value} as a plain decimal string with the step's number of decimals. */
    static String decimal(double value, double step) {
        int scale = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).toPlainString();
    }
}
