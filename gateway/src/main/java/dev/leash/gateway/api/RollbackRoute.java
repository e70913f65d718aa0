package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.params.FieldChange;
import dev.leash.params.WriteResult;
import dev.leash.risk.Principal;
import dev.leash.risk.Violation;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /api/params/rollback {"version": n, "rationale": "..."}}: the operator's token only; the running gateway
 * installs the earlier version's content as a new version under the operator's rules (limits, not the slow-rise
 * rules), as {@code leash-gateway params rollback N} does.
 */
final class RollbackRoute {

    private final GatewayCommands commands;

    RollbackRoute(GatewayCommands commands) {
        this.commands = commands;
    }

    JsonNode rollback(Context ctx) throws IOException {
        Query.of(ctx);
        if (WriteRoutes.principal(ctx) != Principal.OPERATOR) {
            throw new ApiException(403, "Forbidden", "rollback: only the operator's token may roll the parameters"
                    + " back; the model may propose the values it wants with PUT /api/params");
        }
        ObjectNode body = WriteRoutes.body(ctx, Set.of("version", "rationale"));
        JsonNode v = body.get("version");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw ApiException.badRequest("version: required, the integer version to roll back to");
        }
        JsonNode r = body.get("rationale");
        if (r == null || !r.isTextual() || r.textValue().isBlank()) {
            throw ApiException.badRequest("rationale: required, why the parameters are rolled back");
        }
        WriteResult result = commands.rollbackParams(v.longValue(), WriteRoutes.author(ctx), r.textValue());
        ObjectNode o = Json.object();
        o.put("accepted", result.accepted());
        o.put("rollback_to", v.longValue());
        o.put("version", result.accepted() ? result.current().version() : result.entry().baseVersion());
        o.put("author", result.entry().author());
        o.set("changes", FieldChange.toJson(result.diff()));
        ArrayNode reasons = o.putArray("reasons");
        StringBuilder detail = new StringBuilder("rollback rejected: ");
        for (Violation x : result.violations()) {
            reasons.addObject().put("field", x.field()).put("rule", x.rule().name().toLowerCase(Locale.ROOT))
                    .put("message", x.message());
            detail.append(reasons.size() == 1 ? "" : "; ").append(x.field()).append(": ").append(x.message());
        }
        if (!result.accepted()) {
            throw new ApiException(422, "Rollback Rejected", detail.toString(), o);
        }
        return o;
    }
}
