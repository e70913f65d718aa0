package dev.leash.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.engine.StateCause;
import dev.leash.params.FieldChange;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.ParamField;
import dev.leash.risk.Principal;
import dev.leash.risk.Rule;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The write endpoints: parameter proposals, trading mode, backtests. All need a bearer token, and both tokens may
 * call all three; the token's principal decides the rules (the operator is free of the slow-rise rules, the model
 * is not) and is journaled with the author.
 */
final class WriteRoutes {

    /** The operator's token in audit authors. */
    static final String PRINCIPAL = "gateway-token";
    /** The model's token in audit authors. */
    static final String MODEL_PRINCIPAL = "model-token";
    /** A label the client chooses for the audit author; it never decides the principal. */
    static final String CLIENT_HEADER = "X-Leash-Client";
    /** The trading mode that is not a parameter: the operator's flatten-and-stop. */
    static final String HALTED = "halted";

    private final ParamReads params;
    private final LoopReads loops;
    private final GatewayCommands commands;
    private final BacktestRoute backtest;

    WriteRoutes(ParamReads params, LoopReads loops, GatewayCommands commands, BacktestRoute backtest) {
        this.params = params;
        this.loops = loops;
        this.commands = commands;
        this.backtest = backtest;
    }

    /** {@code PUT /api/params}: {@code {"changes": {...}, "rationale": "...", "dry_run": false, "base_version": n}}. */
    JsonNode putParams(Context ctx) throws IOException {
        Query.of(ctx);
        ObjectNode body = proposal(ctx, Set.of("changes", "rationale", "dry_run", "base_version"));
        JsonNode changes = body.get("changes");
        if (changes == null || !changes.isObject()) {
            throw refused(ctx, body, "changes", "changes: required, an object of ai_params.json fields to change");
        }
        return submit(ctx, changes, rationale(ctx, body), dryRun(ctx, body), baseVersion(ctx, body));
    }

    /**
     * {@code POST /api/trading-mode}: {@code {"mode": "reduce_only", "rationale": "..."}}. An operator's
     * {@code active} also lifts today's daily loss halt, journaled with the operator as author
     * ({@code loss_halt_lifted} in the answer).
     */
    JsonNode tradingMode(Context ctx) throws IOException {
        Query.of(ctx);
        ObjectNode body = proposal(ctx, Set.of("mode", "rationale", "dry_run"));
        JsonNode mode = body.get("mode");
        if (mode != null && HALTED.equals(mode.textValue())) {
            return halt(ctx, body);
        }
        if (mode == null || !mode.isTextual() || TradingMode.fromWire(mode.textValue()) == null) {
            throw refused(ctx, body, "mode", "mode: required, one of active, reduce_only, paused, halted");
        }
        ObjectNode changes = Json.object().put(ParamField.TRADING_MODE.wireName(), mode.textValue());
        String rationale = rationale(ctx, body);
        boolean dryRun = dryRun(ctx, body);
        boolean resume = TradingMode.fromWire(mode.textValue()) == TradingMode.ACTIVE && !dryRun
                && isOperator(ctx) && loops.tradingStatus().cause(StateCause.DAILY_LOSS) != null;
        boolean unhalt = TradingMode.fromWire(mode.textValue()) == TradingMode.ACTIVE && !dryRun
                && isOperator(ctx) && loops.tradingStatus().cause(StateCause.OPERATOR) != null;
        if ((resume || unhalt) && params.current().tradingMode() == TradingMode.ACTIVE) {
            return resumeOnly(ctx, rationale, resume, unhalt); // the params already say active: only halts lift
        }
        ObjectNode o = (ObjectNode) submit(ctx, changes, rationale, dryRun, null);
        if (resume) {
            o.put("loss_halt_lifted", commands.resumeAfterLossHalt(author(ctx), rationale));
        }
        if (unhalt) {
            o.put("operator_halt_lifted", commands.liftOperatorHalt(author(ctx), rationale));
        }
        return o;
    }

    /**
     * {@code "mode": "halted"}: the operator flattens every position and stops trading until its own {@code active};
     * the model's token is refused (403), since only the operator may stop and restart trading this way.
     */
    private ObjectNode halt(Context ctx, ObjectNode body) throws IOException {
        if (!isOperator(ctx)) {
            throw new ApiException(403, "Forbidden", "mode halted: only the operator's token may halt trading"
                    + " (flatten and stop); the model may set paused or reduce_only");
        }
        String rationale = rationale(ctx, body);
        if (rationale.isBlank()) {
            throw ApiException.badRequest("rationale: required to halt trading");
        }
        boolean dryRun = dryRun(ctx, body);
        String author = author(ctx);
        ObjectNode o = Json.object();
        o.put("accepted", true);
        o.put("dry_run", dryRun);
        o.put("mode", HALTED);
        o.put("version", params.current().version());
        o.put("author", author);
        o.put("halted", !dryRun && commands.haltByOperator(author, rationale));
        return o;
    }

    private ObjectNode resumeOnly(Context ctx, String rationale, boolean lossHalt, boolean operatorHalt)
            throws IOException {
        if (rationale.isBlank()) {
            throw ApiException.badRequest("rationale: required to resume trading after a "
                    + (lossHalt ? "daily loss halt" : "halt"));
        }
        String author = author(ctx);
        boolean unhalted = operatorHalt && commands.liftOperatorHalt(author, rationale);
        boolean lifted = lossHalt && commands.resumeAfterLossHalt(author, rationale);
        ObjectNode o = Json.object();
        o.put("accepted", lifted || unhalted);
        o.put("dry_run", false);
        o.put("version", params.current().version());
        o.put("author", author);
        o.putObject("changes");
        o.putArray("reasons");
        o.put("loss_halt_lifted", lifted);
        if (operatorHalt) {
            o.put("operator_halt_lifted", unhalted);
        }
        return o;
    }

    /** Whether the request speaks for the operator (the gateway token), not the model: what may lift a loss halt. */
    private static boolean isOperator(Context ctx) {
        return ApiServer.isOperator(ctx);
    }

    JsonNode backtest(Context ctx) throws Exception {
        Query.of(ctx);
        return backtest.run(body(ctx, Set.of("changes", "candidates", "symbols", "days")));
    }

    private JsonNode submit(Context ctx, JsonNode changes, String rationale, boolean dryRun, Long baseVersion)
            throws IOException {
        WriteResult r = commands.propose(baseVersion, changes, author(ctx), principal(ctx), rationale, dryRun);
        ObjectNode o = Json.object();
        o.put("accepted", r.accepted());
        o.put("dry_run", r.entry().dryRun());
        o.put("version", r.accepted() && !r.entry().dryRun() ? r.current().version() : r.entry().baseVersion());
        o.put("author", r.entry().author());
        o.set("changes", FieldChange.toJson(r.diff()));
        ArrayNode reasons = o.putArray("reasons");
        for (Violation v : r.violations()) {
            ObjectNode n = reasons.addObject();
            n.put("field", v.field());
            n.put("rule", v.rule().name().toLowerCase(Locale.ROOT));
            n.put("message", v.message());
        }
        if (r.accepted()) {
            return o;
        }
        int status = r.conflict() ? 409 : 422;
        StringBuilder detail = new StringBuilder(r.conflict() ? "version conflict: " : "proposal rejected: ");
        for (int i = 0; i < r.violations().size(); i++) {
            Violation v = r.violations().get(i);
            detail.append(i == 0 ? "" : "; ").append(v.field()).append(": ").append(v.message());
        }
        throw new ApiException(status, r.conflict() ? "Conflict" : "Proposal Rejected", detail.toString(), o);
    }

    /** The principal of the request's token; a write without one never gets here. */
    private static Principal principal(Context ctx) {
        Principal p = ApiServer.principal(ctx);
        if (p == null) {
            throw new IllegalStateException("a write reached its route without an authenticated principal");
        }
        return p;
    }

    /**
     * The audit author: the client's self-declared label (else the principal's name) and the token, e.g.
     * {@code operator (gateway-token)} or {@code Claude Code (model-token)}.
     */
    static String author(Context ctx) {
        Principal p = principal(ctx);
        String token = p == Principal.OPERATOR ? PRINCIPAL : MODEL_PRINCIPAL;
        String client = ctx.header(CLIENT_HEADER);
        if (client == null || client.isBlank()) {
            return p.wireName() + " (" + token + ")";
        }
        String c = client.strip();
        if (c.length() > 100 || !c.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
            throw ApiException.badRequest(CLIENT_HEADER + " must be at most 100 printable ASCII characters");
        }
        return c + " (" + token + ")";
    }

    /** A proposal's body: a JSON object; one with a field not in {@code allowed} is journaled as refused. */
    private ObjectNode proposal(Context ctx, Set<String> allowed) throws IOException {
        ObjectNode o = object(ctx);
        String unknown = unknownField(o, allowed);
        if (unknown != null) {
            throw refused(ctx, o, Query.abbreviate(unknown), unknownFieldMessage(unknown, allowed));
        }
        return o;
    }

    /**
     * Journals a proposal whose body has the wrong shape as rejected, with the one reason, and returns the 400 that
     * answers it: every proposal reaches the audit journal, not only those the policy could read.
     */
    private ApiException refused(Context ctx, ObjectNode body, String field, String message) throws IOException {
        JsonNode r = body.get("rationale");
        JsonNode d = body.get("dry_run");
        commands.rejectMalformed(body, author(ctx), principal(ctx),
                r != null && r.isTextual() ? r.textValue() : "",
                List.of(new Violation(field, Rule.INVALID, message)), d != null && d.isBoolean() && d.booleanValue());
        return ApiException.badRequest(message);
    }

    static ObjectNode body(Context ctx, Set<String> allowed) {
        ObjectNode o = object(ctx);
        String unknown = unknownField(o, allowed);
        if (unknown != null) {
            throw ApiException.badRequest(unknownFieldMessage(unknown, allowed));
        }
        return o;
    }

    private static ObjectNode object(Context ctx) {
        ContentTypes.requireJson(ctx);
        String text = ctx.body();
        if (text.isBlank()) {
            throw ApiException.badRequest("a JSON object body is required");
        }
        ParamsJson.JsonParse parsed;
        try {
            parsed = ParamsJson.readTree(text);
        } catch (NumberFormatException e) {
            // An exponent beyond int range (0.1e+99999999999) fails in BigDecimal, outside Jackson's own errors.
            throw ApiException.badRequest("body: a number's exponent is out of range; write plain decimals");
        }
        if (parsed.error() != null) {
            // Jackson names its limits' Java getters ("from `StreamReadConstraints...`"); the client needs the numbers.
            throw ApiException.badRequest("body: " + parsed.error().message().replaceAll(", from `[^`]*`", ""));
        }
        if (!(parsed.node() instanceof ObjectNode o)) {
            throw ApiException.badRequest("body must be a JSON object");
        }
        return o;
    }

    private static String unknownField(ObjectNode o, Set<String> allowed) {
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                return f;
            }
        }
        return null;
    }

    private static String unknownFieldMessage(String field, Set<String> allowed) {
        return "unknown field '" + Query.abbreviate(field) + "'; allowed: " + new java.util.TreeSet<>(allowed);
    }

    private String rationale(Context ctx, ObjectNode body) throws IOException {
        JsonNode r = body.get("rationale");
        if (r != null && !r.isTextual() && !r.isNull()) {
            throw refused(ctx, body, "rationale", "rationale must be a string");
        }
        return r == null || r.isNull() ? "" : r.textValue();
    }

    private boolean dryRun(Context ctx, ObjectNode body) throws IOException {
        JsonNode d = body.get("dry_run");
        if (d == null || d.isNull()) {
            return false;
        }
        if (!d.isBoolean()) {
            throw refused(ctx, body, "dry_run", "dry_run must be true or false");
        }
        return d.booleanValue();
    }

    private Long baseVersion(Context ctx, ObjectNode body) throws IOException {
        JsonNode v = body.get("base_version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw refused(ctx, body, "base_version", "base_version must be an integer version");
        }
        return v.longValue();
    }

    static String compact(JsonNode n) {
        try {
            return Json.MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
