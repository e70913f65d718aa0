package dev.leash.gateway.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.app.Gateway;
import dev.leash.params.FieldChange;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** The write endpoints: parameter proposals, trading mode, backtests. All need the bearer token. */
final class WriteRoutes {

    /** The principal of the gateway token in audit authors. */
    static final String PRINCIPAL = "gateway-token";
    static final String CLIENT_HEADER = "X-Leash-Client";

    private final Gateway gw;
    private final BacktestRoute backtest;

    WriteRoutes(Gateway gateway) {
        this.gw = gateway;
        this.backtest = new BacktestRoute(gateway);
    }

    /** {@code PUT /api/params}: {@code {"changes": {...}, "rationale": "...", "dry_run": false, "base_version": n}}. */
    JsonNode putParams(Context ctx) throws IOException {
        Query.of(ctx);
        ObjectNode body = body(ctx, Set.of("changes", "rationale", "dry_run", "base_version"));
        JsonNode changes = body.get("changes");
        if (changes == null || !changes.isObject()) {
            throw ApiException.badRequest("changes: required, an object of ai_params.json fields to change");
        }
        return submit(ctx, changes, rationale(body), dryRun(body), baseVersion(body));
    }

    /** {@code POST /api/trading-mode}: {@code {"mode": "reduce_only", "rationale": "..."}}. */
    JsonNode tradingMode(Context ctx) throws IOException {
        Query.of(ctx);
        ObjectNode body = body(ctx, Set.of("mode", "rationale", "dry_run"));
        JsonNode mode = body.get("mode");
        if (mode == null || !mode.isTextual() || TradingMode.fromWire(mode.textValue()) == null) {
            throw ApiException.badRequest("mode: required, one of active, reduce_only, paused");
        }
        ObjectNode changes = Json.object().put("trading_mode", mode.textValue());
        return submit(ctx, changes, rationale(body), dryRun(body), null);
    }

    JsonNode backtest(Context ctx) throws Exception {
        Query.of(ctx);
        return backtest.run(body(ctx, Set.of("changes", "symbols", "days")));
    }

    private JsonNode submit(Context ctx, JsonNode changes, String rationale, boolean dryRun, Long baseVersion)
            throws IOException {
        WriteResult r = gw.propose(baseVersion, changes, author(ctx), rationale, dryRun);
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

    /** The audit author: the client's self-declared name and the token's principal. */
    private static String author(Context ctx) {
        String client = ctx.header(CLIENT_HEADER);
        if (client == null || client.isBlank()) {
            return "api (" + PRINCIPAL + ")";
        }
        String c = client.strip();
        if (c.length() > 100 || !c.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f)) {
            throw ApiException.badRequest(CLIENT_HEADER + " must be at most 100 printable ASCII characters");
        }
        return c + " (" + PRINCIPAL + ")";
    }

    static ObjectNode body(Context ctx, Set<String> allowed) {
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
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!allowed.contains(f)) {
                throw ApiException.badRequest("unknown field '" + Query.abbreviate(f) + "'; allowed: "
                        + new java.util.TreeSet<>(allowed));
            }
        }
        return o;
    }

    private static String rationale(ObjectNode body) {
        JsonNode r = body.get("rationale");
        if (r != null && !r.isTextual() && !r.isNull()) {
            throw ApiException.badRequest("rationale must be a string");
        }
        return r == null || r.isNull() ? "" : r.textValue();
    }

    private static boolean dryRun(ObjectNode body) {
        JsonNode d = body.get("dry_run");
        if (d == null || d.isNull()) {
            return false;
        }
        if (!d.isBoolean()) {
            throw ApiException.badRequest("dry_run must be true or false");
        }
        return d.booleanValue();
    }

    private static Long baseVersion(ObjectNode body) {
        JsonNode v = body.get("base_version");
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber()) {
            throw ApiException.badRequest("base_version must be an integer version");
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
