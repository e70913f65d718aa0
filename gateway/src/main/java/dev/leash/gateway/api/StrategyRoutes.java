package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.strategies.StrategyPipeline;
import dev.leash.gateway.strategies.StrategyRecord;
import dev.leash.journal.Journal;
import dev.leash.risk.Violation;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The strategy pipeline over REST: {@code POST /api/strategies} proposes (model or operator token), {@code GET
 * /api/strategies} is the ledger, {@code POST /api/strategies/{id}/approve|reject|rollback} are the operator's.
 */
final class StrategyRoutes {

    private final Supplier<StrategyPipeline> pipeline;
    private final ParamReads params;
    private final LoopReads loops;
    private final Journal journal;

    StrategyRoutes(Supplier<StrategyPipeline> pipeline, ParamReads params, LoopReads loops, Journal journal) {
        this.pipeline = pipeline;
        this.params = params;
        this.loops = loops;
        this.journal = journal;
    }

    /** {@code POST /api/strategies}: {@code {"strategy": {...}, "rationale": "..."}}. */
    JsonNode propose(Context ctx) {
        Query.of(ctx);
        ObjectNode body = WriteRoutes.body(ctx, Set.of("strategy", "rationale"));
        JsonNode r = body.get("rationale");
        if (r != null && !r.isTextual() && !r.isNull()) {
            throw ApiException.badRequest("rationale must be a string");
        }
        StrategyPipeline.Outcome o = pipeline().propose(body.get("strategy"), r == null || r.isNull() ? ""
                : r.textValue(), ApiServer.principal(ctx), WriteRoutes.author(ctx));
        if (!o.valid()) {
            ObjectNode ext = Json.object();
            ArrayNode list = ext.putArray("violations");
            StringBuilder detail = new StringBuilder("strategy refused, nothing stored: ");
            for (int i = 0; i < o.invalid().size(); i++) {
                Violation v = o.invalid().get(i);
                list.addObject().put("field", v.field())
                        .put("rule", v.rule().name().toLowerCase(java.util.Locale.ROOT)).put("message", v.message());
                detail.append(i == 0 ? "" : "; ").append(v.field()).append(": ").append(v.message());
            }
            throw new ApiException(422, "Strategy Rejected", detail.toString(), ext);
        }
        return record(o.record(), stats());
    }

    /** {@code GET /api/strategies}: every strategy proposed, oldest first, with its figures. */
    JsonNode ledger(Context ctx) {
        Query.of(ctx);
        ObjectNode o = Json.object();
        o.put("live_params_version", params.current().version());
        Map<Long, VersionStats> stats = stats();
        ArrayNode list = o.putArray("strategies");
        for (StrategyRecord r : pipeline().ledger()) {
            list.add(record(r, stats));
        }
        o.put("note", "stages: proposed -> rejected | shadowing -> promoted | retired; backtest figures are the"
                + " walk-forward test window, shadow figures the candidate's shadow book against the live book over"
                + " the same ticks, live figures the promoting params version's own");
        return o;
    }

    /** {@code POST /api/strategies/{id}/approve}: the operator promotes a shadowing strategy now. */
    JsonNode approve(Context ctx) {
        long id = operatorAndId(ctx);
        WriteRoutes.body(ctx, Set.of("rationale"));
        return answer(pipeline().approve(id, WriteRoutes.author(ctx)), id);
    }

    /** {@code POST /api/strategies/{id}/reject}: the operator retires a shadowing strategy now. */
    JsonNode reject(Context ctx) {
        long id = operatorAndId(ctx);
        return answer(pipeline().reject(id, WriteRoutes.author(ctx), rationale(ctx)), id);
    }

    /** {@code POST /api/strategies/{id}/rollback}: the operator makes a promoted strategy live again. */
    JsonNode rollback(Context ctx) throws IOException {
        long id = operatorAndId(ctx);
        return answer(pipeline().rollback(id, WriteRoutes.author(ctx), rationale(ctx)), id);
    }

    private static String rationale(Context ctx) {
        JsonNode r = WriteRoutes.body(ctx, Set.of("rationale")).get("rationale");
        if (r == null || !r.isTextual() || r.textValue().isBlank()) {
            throw ApiException.badRequest("rationale: required, a non-empty string");
        }
        return r.textValue();
    }

    private JsonNode answer(StrategyPipeline.Command c, long id) {
        if (c.record() == null) {
            throw new ApiException(404, "Not Found", c.refused());
        }
        if (c.refused() != null) {
            throw new ApiException(409, "Conflict", c.refused());
        }
        return record(pipeline().get(id), stats());
    }

    private static long operatorAndId(Context ctx) {
        Query.of(ctx);
        if (!ApiServer.isOperator(ctx)) {
            throw new ApiException(403, "Forbidden", "only the operator's token may approve, reject or roll back a"
                    + " strategy");
        }
        String raw = ctx.pathParam("id");
        try {
            long id = Long.parseLong(raw);
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("strategy id must be a positive integer, got " + Query.abbreviate(raw));
        }
    }

    private StrategyPipeline pipeline() {
        StrategyPipeline p = pipeline.get();
        if (p == null) {
            throw new ApiException(503, "Service Unavailable", "the strategy pipeline is not running");
        }
        return p;
    }

    private Map<Long, VersionStats> stats() {
        Map<Long, VersionStats> out = new HashMap<>();
        for (VersionStats s : VersionStats.compute(journal, params.history(), loops.tradingTime())) {
            out.put(s.version(), s);
        }
        return out;
    }

    static ObjectNode record(StrategyRecord r, Map<Long, VersionStats> stats) {
        ObjectNode o = Json.object();
        o.put("id", r.id());
        o.put("stage", r.stage().wireName());
        o.set("strategy", r.strategy());
        o.set("parent", r.parent());
        o.put("parent_params_version", r.parentVersion());
        o.put("proposed_by", r.principal());
        o.put("author", r.author());
        o.put("rationale", r.rationale());
        o.put("proposed_at", Json.time(r.proposedAt()));
        o.put("updated_at", Json.time(r.updatedAt()));
        o.set("reasons", Json.array().addAll(r.reasons().stream().map(s -> (JsonNode)
                com.fasterxml.jackson.databind.node.TextNode.valueOf(s)).toList()));
        o.set("backtest", r.backtest());
        o.set("shadow", r.shadow());
        if (r.promotedVersion() > 0) {
            o.put("promoted_params_version", r.promotedVersion());
            VersionStats s = stats.get(r.promotedVersion());
            o.set("live", s == null ? null : s.toJson());
        }
        return o;
    }
}
