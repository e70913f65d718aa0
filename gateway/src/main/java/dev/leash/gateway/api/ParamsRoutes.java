package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.leash.journal.Journal;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.params.AuditEntry;
import dev.leash.params.FieldChange;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Ceilings;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamField;
import dev.leash.risk.Params;
import dev.leash.risk.Range;
import dev.leash.risk.ScheduledReset;
import io.javalin.http.Context;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The GET endpoints of the parameters: current params with ceilings and headroom, and their history. */
final class ParamsRoutes {


    private final Limits limits;
    private final Clock wall;
    private final ParamReads store;
    private final LoopReads loops;
    private final Journal journal;
    /** The ceilings never change while the gateway runs: serialized once. */
    private final RawValue ceilingsText;
    /** The last params served and their JSON text: a version's text is serialized once. */
    private volatile Serialized<Params> paramsText = new Serialized<>(null, null);
    /** The headroom answer, rebuilt when the params change or time may have changed it. */
    private final HeadroomSnapshot headroom;
    /** The last scheduled-reset answer and its JSON text. */
    private volatile Serialized<MiddleLoop.ScheduledResetInfo> resetText = new Serialized<>(null, null);

    /** A value and its JSON text, published together. */
    private record Serialized<T>(T value, RawValue text) {
    }

    ParamsRoutes(Limits limits, Clock wall, ParamReads params, LoopReads loops, Journal journal) {
        this.limits = limits;
        this.wall = wall;
        this.store = params;
        this.loops = loops;
        this.journal = journal;
        this.ceilingsText = new RawValue(Json.text(ceilings(limits)));
        this.headroom = new HeadroomSnapshot(limits, params);
    }

    /** Everything a params answer is made of: each part already serialized once per version. */
    record ParamsInputs(RawValue params, RawValue headroom, RawValue reset, List<String> reloadProblems) {
    }

    private final ResponseMemo<ParamsInputs> memo = new ResponseMemo<>(this::paramsNode);

    JsonNode params(Context ctx) {
        Query.of(ctx);
        return paramsNode(inputs());
    }

    /** {@code GET /api/params}, serialized once per distinct input. */
    byte[] paramsBody(Context ctx) {
        Query.of(ctx);
        return memo.get(inputs());
    }

    private ParamsInputs inputs() {
        Params cur = store.current();
        Instant wallNow = wall.instant();
        return new ParamsInputs(paramsText(cur), headroom.at(cur, wallNow), resetText(loops.scheduledReset(wallNow)),
                loops.middleHealth().paramProblems());
    }

    private ObjectNode paramsNode(ParamsInputs in) {
        ObjectNode o = Json.object();
        o.putRawValue("params", in.params());
        o.putRawValue("ceilings", ceilingsText);
        o.putRawValue("may_change_now", in.headroom());
        o.putRawValue("scheduled_reset", in.reset());
        ArrayNode problems = o.putArray("reload_problems");
        in.reloadProblems().forEach(problems::add);
        return o;
    }

    private RawValue paramsText(Params cur) {
        Serialized<Params> last = paramsText;
        if (last.value() != cur) {
            last = new Serialized<>(cur, new RawValue(Json.text(ParamsJson.toJson(cur))));
            paramsText = last;
        }
        return last.text();
    }

    private RawValue resetText(MiddleLoop.ScheduledResetInfo info) {
        Serialized<MiddleLoop.ScheduledResetInfo> last = resetText;
        if (!info.equals(last.value())) {
            last = new Serialized<>(info, new RawValue(Json.text(scheduledReset(info))));
            resetText = last;
        }
        return last.text();
    }

    /** When the scheduled reset runs and what it does: it only ever lowers risk. */
    private static ObjectNode scheduledReset(MiddleLoop.ScheduledResetInfo info) {
        ObjectNode r = Json.object();
        r.put("schedule", info.schedule());
        r.put("rule", ScheduledReset.RULE);
        if (info.lastRun() != null) {
            r.put("last_due_handled", info.lastRun().toString());
        }
        if (info.nextDue() == null) {
            r.putNull("next_due");
        } else {
            r.put("next_due", info.nextDue().toString());
        }
        r.put("operator_reset", "params reset-baseline (the CLI, gateway stopped) is the operator's full reset to"
                + " the baseline and may raise risk");
        return r;
    }

    static ObjectNode ceilings(Limits limits) {
        ObjectNode c = Json.object();
        for (Map.Entry<String, Range> e : limits.ranges().entrySet()) {
            ObjectNode r = c.putObject(e.getKey());
            Json.num(r, "floor", e.getValue().floor());
            Json.num(r, "ceiling", e.getValue().ceiling());
        }
        c.put("max_enabled_symbols", limits.maxEnabledSymbols());
        ArrayNode allow = c.putArray("allowlist");
        limits.allowlist().forEach(allow::add);
        ObjectNode rules = c.putObject("increase_rules");
        steps(rules, ParamField.inScope(ParamField.Scope.GLOBAL), false);
        steps(rules, ParamField.inScope(ParamField.Scope.PER_SYMBOL), false);
        steps(rules, List.of(ParamField.values()), true);
        rules.put("cooldown_minutes", Ceilings.INCREASE_COOLDOWN.toMinutes());
        rules.put("max_increases_per_24h", Ceilings.MAX_INCREASES_PER_WINDOW);
        String position = ParamField.MAX_POSITION_PCT.wireName();
        Json.num(rules, position + "_drift_24h", Ceilings.MAX_POSITION_PCT_DRIFT);
        c.put("effective_exposure", "per enabled symbol, " + position + " x " + ParamField.SIZE_MULTIPLIER.wireName()
                + " may not exceed the " + position + " ceiling, and its 24 h drift cap is the same as " + position
                + "'s");
        rules.put("apply_to", "the model token (and hand edits of ai_params.json), counting every accepted"
                + " increase, the operator's too; the operator's gateway token is bound by the ceilings only");
        return c;
    }

    /** Each field's per-update step as {@code <field>_step} (a rise) or {@code <field>_step_fraction}. */
    private static void steps(ObjectNode rules, List<ParamField> fields, boolean fraction) {
        for (ParamField f : fields) {
            if (!f.step().none() && f.step().fraction() == fraction) {
                Json.num(rules, f.wireName() + (fraction ? "_step_fraction" : "_step"), f.step().amount());
            }
        }
    }

    JsonNode paramsHistory(Context ctx) throws java.io.IOException {
        Query q = Query.of(ctx, "limit");
        int limit = q.limit(20, ReadRoutes.MAX_LIMIT);
        List<AuditEntry> entries = store.audit().entries();
        List<VersionStats> stats = VersionStats.compute(journal, store.history(), loops.tradingTime());
        Map<Long, VersionStats> byVersion = new HashMap<>();
        stats.forEach(s -> byVersion.put(s.version(), s));
        ObjectNode o = Json.object();
        o.put("pnl_attribution", PnlJson.ATTRIBUTION);
        ArrayNode out = o.putArray("versions");
        for (int i = entries.size() - 1; i >= 0 && out.size() < limit; i--) {
            AuditEntry e = entries.get(i);
            if (!e.createdVersion()) {
                continue;
            }
            ObjectNode n = Json.object();
            n.put("version", e.version());
            n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            n.put("author", e.author());
            if (e.principal() != null) {
                n.put("principal", e.principal().wireName());
            }
            n.put("rationale", e.rationale());
            n.put("accepted_at", e.at().toString());
            n.set("diff", FieldChange.toJson(e.diff()));
            VersionStats s = byVersion.get(e.version());
            if (s != null) {
                n.set("outcome", s.toJson());
            }
            out.add(n);
        }
        return o;
    }
}
