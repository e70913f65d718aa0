package dev.leash.gateway.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.journal.StrategyStageRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * One proposed strategy as the ledger shows it, folded from its journaled stages: what it is, its parent (the live
 * strategy when it was proposed, null for the default breakout), who proposed it and why, its figures and stage.
 *
 * @param backtest        the backtest gate's figures (live and candidate out of sample); null before or without one
 * @param shadow          the shadow's figures against the live book at its end; null before
 * @param promotedVersion the params version that promoted it; 0 when never promoted
 * @param reasons         why it was rejected, retired or promoted
 */
public record StrategyRecord(long id, Stage stage, JsonNode strategy, JsonNode parent, long parentVersion,
                             String principal, String author, String rationale, long proposedAt, long updatedAt,
                             JsonNode backtest, JsonNode shadow, long promotedVersion, List<String> reasons) {

    static final ObjectMapper MAPPER = new ObjectMapper();

    /** The name of its shadow book. */
    public String shadowName() {
        return dev.leash.gateway.shadow.ShadowBooks.CANDIDATE + id;
    }

    /** The record its stages (oldest first, of one strategy, the first {@code proposed}) describe. */
    static StrategyRecord of(List<StrategyStageRecord> stages) {
        StrategyStageRecord first = stages.get(0);
        ObjectNode p = detail(first);
        StrategyRecord r = new StrategyRecord(first.strategyId(), Stage.PROPOSED, p.get("strategy"),
                p.get("parent").isNull() ? null : p.get("parent"), p.path("parent_version").asLong(),
                p.path("principal").asText(), p.path("author").asText(), p.path("rationale").asText(), first.time(),
                first.time(), null, null, 0, List.of());
        for (StrategyStageRecord s : stages.subList(1, stages.size())) {
            ObjectNode d = detail(s);
            List<String> reasons = new ArrayList<>();
            d.path("reasons").forEach(x -> reasons.add(x.asText()));
            r = new StrategyRecord(r.id, Stage.of(s.stage()), r.strategy, r.parent, r.parentVersion, r.principal,
                    r.author, r.rationale, r.proposedAt, s.time(), d.has("backtest") ? d.get("backtest") : r.backtest,
                    d.has("shadow") ? d.get("shadow") : r.shadow,
                    d.has("params_version") ? d.get("params_version").asLong() : r.promotedVersion,
                    reasons.isEmpty() ? r.reasons : List.copyOf(reasons));
        }
        return r;
    }

    private static ObjectNode detail(StrategyStageRecord s) {
        try {
            return (ObjectNode) MAPPER.readTree(s.detail());
        } catch (java.io.IOException | ClassCastException e) {
            throw new IllegalStateException("strategy " + s.strategyId() + " stage " + s.stage()
                    + ": the journaled detail is not a JSON object", e);
        }
    }
}
