package dev.leash.gateway.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.engine.Decision;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.venue.Fill;
import dev.leash.params.ParamsJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Locale;

/**
 * Turns what the loops record into live events ({@code decision}, {@code rejection}, {@code order}, {@code fill},
 * {@code state}, {@code params}, {@code event}): snake_case JSON, ISO-8601 UTC times, NaN as null. Never throws into
 * the caller: an event that cannot be written is logged and skipped, trading goes on.
 */
public final class EventPublisher {

    /** A publisher that publishes nothing (tests and tools without a live stream). */
    public static final EventPublisher NONE = new EventPublisher(null);

    private static final Logger LOG = LoggerFactory.getLogger(EventPublisher.class);
    private static final ObjectMapper MAPPER = ParamsJson.MAPPER;

    private final LiveEvents stream;

    public EventPublisher(LiveEvents stream) {
        this.stream = stream;
    }

    public void decision(Decision d) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(d.time());
        o.put("symbol", d.symbol());
        o.put("action", d.action().name());
        o.put("reason", d.reason());
        o.put("params_version", d.paramsVersion());
        if (d.signals() != null) {
            num(o, "price", d.signals().price());
        }
        publish("decision", o);
    }

    public void rejection(RiskRejection r) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(r.time());
        o.put("symbol", r.symbol());
        o.put("side", r.signedQty() >= 0 ? "buy" : "sell");
        num(o, "qty", Math.abs(r.signedQty()));
        num(o, "price", r.price());
        o.put("rule", r.reason().name());
        o.put("params_version", r.paramsVersion());
        publish("rejection", o);
    }

    /** An order the inner loop sent, with its status ({@code SENDING}, {@code NEW}, {@code REJECTED}, ...). */
    public void order(OrderIntent i, String status, String rejectReason) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(i.time());
        o.put("client_order_id", i.clientOrderId());
        o.put("symbol", i.symbol());
        o.put("side", i.signedQty() >= 0 ? "buy" : "sell");
        num(o, "qty", Math.abs(i.signedQty()));
        num(o, "price", i.referencePrice());
        o.put("reduce_only", i.reduceOnly());
        o.put("action", i.action() == null ? null : i.action().name());
        o.put("status", status.toLowerCase(Locale.ROOT));
        if (rejectReason != null) {
            o.put("reject_reason", rejectReason);
        }
        o.put("params_version", i.paramsVersion());
        publish("order", o);
    }

    public void fill(Fill f, long paramsVersion) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(f.time());
        o.put("symbol", f.symbol());
        o.put("side", f.side().name().toLowerCase(Locale.ROOT));
        num(o, "qty", f.qty());
        num(o, "price", f.price());
        num(o, "fee", 0.0 - f.fee());
        num(o, "realized_pnl", f.realizedPnl());
        o.put("client_order_id", f.clientOrderId());
        o.put("params_version", paramsVersion);
        publish("fill", o);
    }

    public void state(StateChange c) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(c.time());
        o.put("from", c.from().name());
        o.put("to", c.to().name());
        o.put("reason", c.reason());
        publish("state", o);
    }

    /** Parameter version {@code version} drives the inner loop from trading time {@code time}. */
    public void params(long version, long time) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(time);
        o.put("version", version);
        publish("params", o);
    }

    /** A journal event (lifecycle, fault, venue, ...). */
    public void event(long time, String kind, String message) {
        if (stream == null) {
            return;
        }
        ObjectNode o = at(time);
        o.put("kind", kind);
        o.put("message", message);
        publish("event", o);
    }

    private static ObjectNode at(long time) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("time", Instant.ofEpochMilli(time).toString());
        return o;
    }

    private static void num(ObjectNode o, String name, double v) {
        if (Double.isFinite(v)) {
            o.put(name, v);
        } else {
            o.putNull(name);
        }
    }

    private void publish(String type, ObjectNode data) {
        try {
            stream.publish(type, MAPPER.writeValueAsString(data));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("live {} event skipped: {}", type, e.getClass().getSimpleName());
        }
    }
}
