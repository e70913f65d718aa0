package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.leash.risk.Headroom;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Range;
import dev.leash.risk.TradingMode;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The {@code may_change_now} answer of {@code GET /api/params} as immutable JSON text, rebuilt only when the
 * parameters change (a new version, which is also when the change log grows) or when time may have changed it:
 * at the next whole second of the cooldown, and at most {@link #MAX_AGE} after it was built. Time only widens the
 * headroom (the cooldown runs down, increases leave the 24 h window), so an answer up to that age is never more
 * permissive than the rules. Safe for concurrent readers: each reads one published snapshot.
 */
final class HeadroomSnapshot {

    /** The longest a snapshot is served without a change. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final Limits limits;
    private final ParamReads store;
    private volatile Built last = new Built(null, Instant.MIN, Instant.MIN, null);

    /** One published answer: for these parameters, built at {@code at}, served before {@code until}. */
    private record Built(Params params, Instant at, Instant until, RawValue text) {
    }

    HeadroomSnapshot(Limits limits, ParamReads store) {
        this.limits = limits;
        this.store = store;
    }

    /** The answer for {@code current} at {@code now}: the published one while it holds, else a new one. */
    RawValue at(Params current, Instant now) {
        Built b = last;
        if (b.params() != current || now.isBefore(b.at()) || !now.isBefore(b.until())) {
            b = build(current, now);
            last = b;
        }
        return b.text();
    }

    private Built build(Params cur, Instant now) {
        Headroom h = Headroom.of(limits, cur, store.changeLog(), now);
        ObjectNode o = Json.object();
        o.put("increase_allowed_now", h.increaseAllowedNow());
        o.put("cooldown_left_s", h.cooldownLeft().toSeconds());
        o.put("increases_left_24h", h.increasesLeft());
        ObjectNode ranges = o.putObject("ranges");
        for (Map.Entry<String, Range> e : h.ranges().entrySet()) {
            ObjectNode r = ranges.putObject(e.getKey());
            Json.num(r, "min", e.getValue().floor());
            Json.num(r, "max", e.getValue().ceiling());
        }
        ArrayNode modes = o.putArray("trading_modes");
        for (TradingMode m : TradingMode.values()) {
            if (m.compareTo(cur.tradingMode()) <= 0 || h.increaseAllowedNow()) {
                modes.add(m.wireName());
            }
        }
        Duration valid = MAX_AGE;
        if (!h.cooldownLeft().isZero()) {
            // cooldown_left_s counts whole seconds down: the answer changes when the fraction runs out
            Duration fraction = h.cooldownLeft().minusSeconds(h.cooldownLeft().toSeconds());
            valid = fraction.isZero() ? Duration.ofMillis(1) : fraction;
        }
        return new Built(cur, now, now.plus(valid), new RawValue(Json.text(o)));
    }
}
