package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.engine.StateCause;
import dev.leash.engine.TradingStatusView;
import dev.leash.journal.Journal;
import dev.leash.params.ParamsJson;
import dev.leash.risk.TradingState;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The engine's trading status in the journal's key/value state (one committed, fsynced row), and read back at start.
 * A saved status that cannot be read restores as a loss halt for the rest of the day: a restart never raises risk.
 */
final class TradingStatusStore {

    static final String KEY = "trading_status";

    private TradingStatusStore() {
    }

    /** Saves {@code status}, durably, before this returns. */
    static void save(Journal journal, TradingStatusView status) {
        journal.putState(KEY, ParamsJson.compact(toJson(status)));
    }

    /**
     * What the last run saved, empty when nothing was; an unreadable value gives a conservative status that halts
     * trading until the next UTC day after {@code nowMillis} (or an operator's resume).
     */
    static Optional<TradingStatusView> load(Journal journal, long nowMillis) {
        Optional<String> text = journal.getState(KEY);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(fromJson(ParamsJson.MAPPER.readTree(text.get())));
        } catch (IOException | RuntimeException e) {
            long day = Math.floorDiv(nowMillis, 86_400_000L);
            String why = "the saved trading status could not be read; halted until the next UTC day or an operator's"
                    + " resume";
            StateCause halt = new StateCause(StateCause.DAILY_LOSS, TradingState.HALTED, "restart", why, nowMillis,
                    (day + 1) * 86_400_000L);
            return Optional.of(new TradingStatusView(TradingState.HALTED, day, Double.NaN, List.of(halt), nowMillis,
                    "restart", why));
        }
    }

    static ObjectNode toJson(TradingStatusView s) {
        ObjectNode o = ParamsJson.MAPPER.createObjectNode();
        o.put("state", s.state().name());
        o.put("day", s.day());
        if (Double.isFinite(s.startOfDayEquity())) {
            o.put("start_of_day_equity", s.startOfDayEquity());
        } else {
            o.putNull("start_of_day_equity");
        }
        o.put("changed_at", s.changedAt());
        o.put("changed_by", s.changedBy());
        o.put("change_reason", s.changeReason());
        ArrayNode causes = o.putArray("causes");
        for (StateCause c : s.causes()) {
            ObjectNode n = causes.addObject();
            n.put("cause", c.cause());
            n.put("state", c.state().name());
            n.put("by", c.by());
            n.put("reason", c.reason());
            n.put("since", c.since());
            if (c.until() == StateCause.NO_END) {
                n.putNull("until");
            } else {
                n.put("until", c.until());
            }
        }
        return o;
    }

    static TradingStatusView fromJson(JsonNode o) {
        List<StateCause> causes = new ArrayList<>();
        for (JsonNode n : required(o, "causes")) {
            JsonNode until = n.get("until");
            causes.add(new StateCause(required(n, "cause").asText(), TradingState.valueOf(required(n, "state")
                    .asText()), n.path("by").asText(""), n.path("reason").asText(""), required(n, "since").asLong(),
                    until == null || until.isNull() ? StateCause.NO_END : until.asLong()));
        }
        JsonNode equity = o.get("start_of_day_equity");
        return new TradingStatusView(TradingState.valueOf(required(o, "state").asText()), required(o, "day").asLong(),
                equity == null || equity.isNull() ? Double.NaN : equity.asDouble(), causes,
                o.path("changed_at").asLong(0), o.path("changed_by").asText(""), o.path("change_reason").asText(""));
    }

    private static JsonNode required(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("saved trading status lacks " + field);
        }
        return n;
    }
}
