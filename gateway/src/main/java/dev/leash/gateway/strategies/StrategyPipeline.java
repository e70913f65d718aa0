package dev.leash.gateway.strategies;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.shadow.CandidateView;
import dev.leash.journal.Journal;
import dev.leash.journal.StrategyStageRecord;
import dev.leash.params.ParamsJson;
import dev.leash.params.StrategyJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.Rule;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.Violation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The promotion pipeline, proposed -> backtested -> shadowed -> promoted (or rejected, retired). Its state is the
 * fold of the journaled stages, each journaled (durable) before it is acknowledged or acted on.
 */
public final class StrategyPipeline {

    private static final Logger LOG = LoggerFactory.getLogger(StrategyPipeline.class);

    /** A proposal's answer: the record when it was valid, else the violations (and nothing stored). */
    public record Outcome(StrategyRecord record, List<Violation> invalid) {
        public boolean valid() {
            return invalid.isEmpty();
        }
    }

    /** An operator command's answer: the record after it, or why it was refused (nothing changed). */
    public record Command(StrategyRecord record, String refused) {
    }

    private final GatewayConfig.Strategies settings;
    private final ParamPolicy policy;
    private final Journal journal;
    private final LongSupplier now;
    private final Supplier<Params> live;
    private final Backtests backtests;
    private final CandidateShadows shadows;
    private final Promoter promoter;
    private final Map<Long, List<StrategyStageRecord>> stages = new TreeMap<>();

    public StrategyPipeline(GatewayConfig.Strategies settings, Limits limits, Journal journal, LongSupplier now,
                            Supplier<Params> live, Backtests backtests, CandidateShadows shadows, Promoter promoter) {
        this.settings = settings;
        this.policy = new ParamPolicy(limits);
        this.journal = journal;
        this.now = now;
        this.live = live;
        this.backtests = backtests;
        this.shadows = shadows;
        this.promoter = promoter;
        for (StrategyStageRecord r : journal.strategyStages()) {
            stages.computeIfAbsent(r.strategyId(), k -> new ArrayList<>()).add(r);
        }
        for (StrategyRecord r : ledger()) {
            if (r.stage() == Stage.SHADOWING) {
                Params p = candidateParams(r.strategy()).params();
                if (p != null) {
                    shadows.start(r.shadowName(), p); // resumed from the shadows' checkpoint, or started again
                }
            }
        }
    }

    /** Every strategy proposed, oldest first. */
    public synchronized List<StrategyRecord> ledger() {
        List<StrategyRecord> out = new ArrayList<>();
        for (List<StrategyStageRecord> s : stages.values()) {
            out.add(StrategyRecord.of(s));
        }
        return out;
    }

    /** The strategy {@code id}, or null. */
    public synchronized StrategyRecord get(long id) {
        List<StrategyStageRecord> s = stages.get(id);
        return s == null ? null : StrategyRecord.of(s);
    }

    /**
     * Validates {@code strategy}, journals it as proposed, backtests it against the live strategy out of sample and
     * either rejects it with the reasons or starts its candidate shadow; an invalid one changes nothing. The backtest
     * runs outside the pipeline's lock, so the scheduler's {@link #tick} never waits for it.
     */
    public Outcome propose(JsonNode strategy, String rationale, Principal principal, String author) {
        Params current = live.get();
        List<Violation> invalid = new ArrayList<>(ParamPolicy.authorship(author, rationale));
        ParamsJson.Parsed parsed = candidateParams(strategy);
        invalid.addAll(parsed.violations());
        if (parsed.ok()) {
            invalid.addAll(policy.validate(parsed.params()));
            if (invalid.isEmpty() && Objects.equals(parsed.params().strategy(), current.strategy())) {
                invalid.add(new Violation(StrategyBlock.STRATEGY, Rule.INVALID,
                        "this is the live strategy already"));
            }
        }
        if (!invalid.isEmpty()) {
            return new Outcome(null, List.copyOf(invalid));
        }
        ObjectNode d = StrategyRecord.MAPPER.createObjectNode();
        d.set("strategy", StrategyJson.toJson(parsed.params().strategy()));
        d.set("parent", current.strategy() == null ? null : StrategyJson.toJson(current.strategy()));
        d.put("parent_version", current.version());
        d.put("principal", principal.wireName());
        d.put("author", author);
        d.put("rationale", rationale);
        long id = open(d);
        Backtests.Comparison c;
        try {
            c = backtests.compare(current, parsed.params());
        } catch (RuntimeException e) {
            LOG.error("the backtest of strategy {} failed", id, e);
            c = Backtests.Comparison.unavailable("the backtest failed (" + e.getClass().getSimpleName() + ")");
        }
        return new Outcome(judge(id, parsed.params(), c), List.of());
    }

    /** Journals a new proposal and returns its id. */
    private synchronized long open(ObjectNode proposal) {
        long id = stages.isEmpty() ? 1 : ((TreeMap<Long, ?>) stages).lastKey() + 1;
        record(id, Stage.PROPOSED, proposal);
        return id;
    }

    /** Rejects proposal {@code id} on its backtest, or starts its shadow; the record after it. */
    private synchronized StrategyRecord judge(long id, Params candidate, Backtests.Comparison c) {
        if (c.unavailable() != null) {
            record(id, Stage.REJECTED, StageDetails.reasons(List.of("could not be judged: "
                    + c.unavailable())));
            return get(id);
        }
        ObjectNode figures = StageDetails.backtestFigures(c);
        List<String> why = BacktestGate.reasons(c.live(), c.candidate(), settings);
        if (!why.isEmpty()) {
            record(id, Stage.REJECTED, StageDetails.reasons(why).set("backtest", figures));
            return get(id);
        }
        StrategyRecord r = get(id);
        if (!shadows.start(r.shadowName(), candidate)) {
            record(id, Stage.REJECTED, StageDetails.reasons(List.of("the shadow books are off"
                    + " (shadows.enabled: false);"
                    + " a strategy is promoted only after its shadow")).set("backtest", figures));
            return get(id);
        }
        ObjectNode s = StageDetails.reasons(List.of("passed the backtest gate; shadowing until "
                + java.time.Instant.ofEpochMilli(now.getAsLong() + settings.shadowDuration().toMillis())));
        s.set("backtest", figures);
        s.put("shadow_until", now.getAsLong() + settings.shadowDuration().toMillis());
        record(id, Stage.SHADOWING, s);
        return get(id);
    }

    /**
     * Ends every candidate whose shadow time is over (promoted or retired by the {@link ShadowGate}), or whose shadow
     * could not run; on a scheduler.
     */
    public synchronized void tick() {
        long t = now.getAsLong();
        Map<String, CandidateView> views = shadows.candidates();
        for (StrategyRecord r : ledger()) {
            if (r.stage() != Stage.SHADOWING) {
                continue;
            }
            CandidateView v = views.get(r.shadowName());
            if (v != null && v.ended() != null) {
                retire(r, v, "its shadow ended: " + v.ended());
            } else if (t - r.updatedAt() >= settings.shadowDuration().toMillis()) {
                if (v == null || v.shadow() == null || v.live() == null) {
                    retire(r, v, "its shadow has no figures at the end of its shadow time");
                    continue;
                }
                ShadowGate.Verdict verdict = ShadowGate.judge(v.shadow(), v.live(), settings.minShadowTrades());
                if (verdict.promote()) {
                    promote(r, v, "pipeline", verdict.reason());
                } else {
                    retire(r, v, verdict.reason());
                }
            }
        }
    }

    /** The operator promotes a shadowing strategy now, whatever its figures. */
    public synchronized Command approve(long id, String author) {
        StrategyRecord r = get(id);
        String refused = shadowingOnly(r, id, "approved");
        if (refused != null) {
            return new Command(r, refused);
        }
        return promote(r, shadows.candidates().get(r.shadowName()), author, "approved early by the operator");
    }

    /** The operator retires a shadowing strategy now. */
    public synchronized Command reject(long id, String author, String rationale) {
        StrategyRecord r = get(id);
        String refused = shadowingOnly(r, id, "rejected");
        if (refused != null) {
            return new Command(r, refused);
        }
        retire(r, shadows.candidates().get(r.shadowName()), "rejected by the operator (" + author + "): "
                + rationale);
        return new Command(get(id), null);
    }

    /**
     * The operator makes a promoted strategy live again: a params version carrying it (the other fields as they are
     * now), through param-store with the limits; nothing else changes.
     */
    public synchronized Command rollback(long id, String author, String rationale) throws IOException {
        StrategyRecord r = get(id);
        if (r == null) {
            return new Command(null, "no strategy " + id);
        }
        if (r.promotedVersion() == 0) {
            return new Command(r, "strategy " + id + " was never promoted (it is " + r.stage().wireName()
                    + "); only a promoted strategy can be rolled back to");
        }
        ObjectNode changes = StrategyRecord.MAPPER.createObjectNode();
        changes.set(StrategyBlock.STRATEGY, r.strategy());
        WriteResult w = promoter.promote(changes, author + ": rollback to strategy " + id, rationale);
        if (!w.accepted()) {
            return new Command(r, "param-store refused it: " + violations(w.violations()));
        }
        return new Command(r, null);
    }

    private String shadowingOnly(StrategyRecord r, long id, String verb) {
        if (r == null) {
            return "no strategy " + id;
        }
        return r.stage() == Stage.SHADOWING ? null : "strategy " + id + " is " + r.stage().wireName()
                + "; only a shadowing strategy can be " + verb;
    }

    private Command promote(StrategyRecord r, CandidateView v, String by, String why) {
        ObjectNode changes = StrategyRecord.MAPPER.createObjectNode();
        changes.set(StrategyBlock.STRATEGY, r.strategy());
        WriteResult w;
        try {
            w = promoter.promote(changes, by + ": promotion of strategy " + r.id(), r.rationale());
        } catch (IOException e) {
            LOG.warn("could not promote strategy {}; it keeps shadowing and is tried again: {}", r.id(),
                    e.getMessage());
            return new Command(r, "the params could not be written; try again");
        }
        if (!w.accepted()) {
            retire(r, v, "its promotion was refused by param-store: " + violations(w.violations()));
            return new Command(get(r.id()), "param-store refused the promotion: " + violations(w.violations()));
        }
        shadows.end(r.shadowName(), "promoted");
        ObjectNode d = StageDetails.reasons(List.of(why));
        d.put("params_version", w.current().version());
        d.put("by", by);
        d.set("shadow", StageDetails.shadowFigures(v));
        record(r.id(), Stage.PROMOTED, d);
        return new Command(get(r.id()), null);
    }

    private void retire(StrategyRecord r, CandidateView v, String why) {
        shadows.end(r.shadowName(), "retired");
        record(r.id(), Stage.RETIRED, StageDetails.reasons(List.of(why))
                .set("shadow", StageDetails.shadowFigures(v)));
    }

    private void record(long id, Stage stage, ObjectNode detail) {
        StrategyStageRecord r = new StrategyStageRecord(id, stage.wireName(), now.getAsLong(), detail.toString());
        journal.recordStrategyStage(r); // durable first: a failure leaves the ledger as it was
        stages.computeIfAbsent(id, k -> new ArrayList<>()).add(r);
    }

    private ParamsJson.Parsed candidateParams(JsonNode strategy) {
        if (strategy == null || !strategy.isObject()) {
            return new ParamsJson.Parsed(null, List.of(new Violation(StrategyBlock.STRATEGY, Rule.INVALID,
                    "required: an object {entry, filters, exits}")));
        }
        ObjectNode changes = StrategyRecord.MAPPER.createObjectNode();
        changes.set(StrategyBlock.STRATEGY, strategy);
        return ParamsJson.applyChanges(live.get(), changes);
    }

    private static String violations(List<Violation> vs) {
        List<String> out = new ArrayList<>();
        for (Violation v : vs) {
            out.add(v.field() + ": " + v.message());
        }
        return String.join("; ", out);
    }
}
