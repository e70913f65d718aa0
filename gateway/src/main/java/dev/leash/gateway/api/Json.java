package dev.leash.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.engine.Signals;
import dev.leash.venue.Fill;
import dev.leash.venue.Order;
import dev.leash.venue.Position;
import dev.leash.params.ParamsJson;

import java.time.Instant;

/** Compact JSON views of gateway values: snake_case, ISO-8601 UTC times, NaN as null. */
final class Json {

    static final ObjectMapper MAPPER = ParamsJson.MAPPER;
    /**
     * Writes the answers straight to UTF-8 bytes; doubles with Jackson's shortest-representation writer (the same
     * values as {@code Double.toString}, a fraction of its cost).
     */
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build().writer();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Puts a number, or null when it is NaN or infinite; rounds to 8 significant decimals for compactness. */
    static void num(ObjectNode o, String name, double v) {
        if (!Double.isFinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, round(v));
        }
    }

    static double round(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        double scale = Math.pow(10, 8 - Math.max(0, (int) Math.ceil(Math.log10(Math.abs(v)))));
        return Math.rint(v * scale) / scale;
    }

    static String time(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    static ObjectNode fill(Fill f) {
        ObjectNode o = object();
        o.put("time", time(f.time()));
        o.put("symbol", f.symbol());
        o.put("side", f.side().name().toLowerCase(java.util.Locale.ROOT));
        num(o, "qty", f.qty());
        num(o, "price", f.price());
        num(o, "fee", 0.0 - f.fee()); // a cost: negative when paid, like every P&L field (PnlJson)
        num(o, "realized_pnl", f.realizedPnl());
        o.put("client_order_id", f.clientOrderId());
        o.put("fill_id", f.fillId());
        return o;
    }

    static ObjectNode position(Position p) {
        ObjectNode o = object();
        o.put("symbol", p.symbol());
        o.put("side", p.qty() > 0 ? "long" : "short");
        num(o, "qty", Math.abs(p.qty()));
        num(o, "entry_price", p.entryPrice());
        num(o, "mark_price", p.markPrice());
        num(o, "notional", Math.abs(p.qty()) * p.markPrice());
        num(o, "unrealized_pnl", p.unrealizedPnl());
        return o;
    }

    static ObjectNode order(Order ord) {
        ObjectNode o = object();
        o.put("client_order_id", ord.clientOrderId());
        o.put("symbol", ord.symbol());
        o.put("side", ord.side().name().toLowerCase(java.util.Locale.ROOT));
        o.put("type", ord.type().name().toLowerCase(java.util.Locale.ROOT));
        num(o, "qty", ord.qty());
        num(o, "price", ord.price());
        num(o, "filled_qty", ord.filledQty());
        o.put("status", ord.status().name().toLowerCase(java.util.Locale.ROOT));
        o.put("reduce_only", ord.reduceOnly());
        o.put("created_at", time(ord.createdAt()));
        return o;
    }

    static ObjectNode signals(Signals s) {
        ObjectNode o = object();
        num(o, "price", s.price());
        num(o, "channel_high", s.channelHigh());
        num(o, "channel_low", s.channelLow());
        num(o, "rsi", s.rsi());
        num(o, "macd_histogram", s.macdHistogram());
        num(o, "bollinger_pct_b", s.bollingerPctB());
        num(o, "volume_ratio", s.volumeRatio());
        num(o, "atr", s.atr());
        num(o, "realized_volatility_pct", s.realizedVolatility());
        o.put("regime", s.regime().wireName());
        return o;
    }

    static String text(JsonNode node) {
        return ParamsJson.compact(node);
    }

    /** The compact JSON of {@code node} as UTF-8 bytes, as a response body. */
    static byte[] bytes(JsonNode node) {
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize JSON", e);
        }
    }
}
